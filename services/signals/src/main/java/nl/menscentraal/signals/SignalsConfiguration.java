package nl.menscentraal.signals;

import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.signals.rules.RuleEngine;
import nl.menscentraal.support.schema.ServiceSchema;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;
import java.util.List;

/**
 * Wiring of the signals service. Defaults live in {@code mens-centraal-signals.properties} (lowest precedence, so
 * the same defaults hold when the local run composes several services in one process).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:mens-centraal-signals.properties")
@EnableConfigurationProperties(SignalsProperties.class)
@EnableScheduling
class SignalsConfiguration {

    /** Flyway owns the signals' tables; the event store's tables are the dossier's. */
    @Bean
    SignalsSchema signalsSchema(DataSource dataSource) {
        ServiceSchema.migrate(dataSource, "signals");
        return new SignalsSchema();
    }

    @Bean
    RuleEngine ruleEngine(SignalsProperties properties) {
        return new RuleEngine(properties.lateArrivalGrace());
    }

    /**
     * The dossier's pseudonyms, to find a household's members' dossiers from the BSNs werk-inkomen lists. A
     * private instance with the dossier's secret rather than a shared bean: the signals service may run alone.
     */
    @Bean
    SignalPseudonyms signalPseudonyms(@Value("${mens-centraal.dossier.pseudonym-secret}") String secret) {
        return new SignalPseudonyms(new ClientPseudonyms(secret));
    }

    /**
     * Axon's default for event handlers is to log a failure and go on with the next event: a signal would be
     * silently lost. These processors retry instead, so a failed evaluation or delivery holds up its segment
     * until it succeeds.
     */
    @Bean
    ConfigurerModule signalProcessorsPropagateErrors() {
        return configurer -> List.of("signal-rules", "signal-views", "signal-delivery").forEach(group ->
                configurer.eventProcessing().registerListenerInvocationErrorHandler(group,
                        c -> PropagatingErrorHandler.instance()));
    }

    /** Marker that the signals' schema is migrated. */
    static final class SignalsSchema {
    }
}
