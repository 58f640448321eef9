package nl.menscentraal.support;

import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.EnvelopeValidator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/**
 * Beans every service needs once, also when the local run puts several services in one context:
 * the catalogue, the validator and the clock (replaceable, so tests can move time).
 * The defaults every service shares are in {@code mens-centraal-support.properties}, loaded by
 * {@link SupportDefaults}.
 */
@AutoConfiguration
public class SharedLanguageConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Catalogue catalogue() {
        return Catalogue.load();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EnvelopeValidator envelopeValidator(Catalogue catalogue, Clock clock) {
        return new EnvelopeValidator(catalogue, clock);
    }
}
