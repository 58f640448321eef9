package nl.menscentraal.support;

import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.EnvelopeValidator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import java.time.Clock;

/**
 * Beans every service needs once, also when the local run puts several services in one context:
 * the catalogue, the validator and the clock (replaceable, so tests can move time).
 *
 * <p>{@code mens-centraal-support.properties} holds the defaults every service shares (Kafka
 * serialisation and durability, actuator exposure); as a {@code @PropertySource} it ranks below any
 * {@code application.properties}, so a deployment can still override each of them.
 */
@AutoConfiguration
@PropertySource("classpath:mens-centraal-support.properties")
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
