package nl.menscentraal.dossier;

import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.support.schema.ServiceSchema;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

import javax.sql.DataSource;

/**
 * Wiring of the dossier service. Defaults live in {@code mens-centraal-dossier.properties} (lowest precedence,
 * so the same defaults hold when the local run composes several services in one process).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:mens-centraal-dossier.properties")
@EnableConfigurationProperties(DossierProperties.class)
class DossierConfiguration {

    /** Flyway owns the event store, token store and projection tables; nothing is created by Axon or an ORM. */
    @Bean
    DossierSchema dossierSchema(DataSource dataSource) {
        ServiceSchema.migrate(dataSource, "dossier");
        return new DossierSchema();
    }

    @Bean
    ClientPseudonyms clientPseudonyms(DossierProperties properties, DossierSchema schemaFirst) {
        return new ClientPseudonyms(properties.pseudonymSecret());
    }

    /** Marker that the dossier's schema is migrated; beans that need the tables at start-up depend on it. */
    static final class DossierSchema {
    }
}
