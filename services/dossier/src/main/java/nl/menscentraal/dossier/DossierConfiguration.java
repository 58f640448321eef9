package nl.menscentraal.dossier;

import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.support.schema.ServiceSchema;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.common.caching.NoCache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

import javax.sql.DataSource;

/**
 * Wiring of the dossier service. Defaults live in {@code mens-centraal-dossier.properties} (lowest precedence,
 * so the same defaults hold when the local run composes several services in one process).
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:mens-centraal-dossier.properties")
@EnableConfigurationProperties(DossierProperties.class)
@EnableScheduling
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

    /**
     * Recently used dossiers stay in memory (least recently used go first), so recording a fact does not
     * re-read the client's history. Several instances stay correct: a dossier changed elsewhere fails its next
     * append on the sequence number, Axon evicts it and the retry reads the store.
     */
    @Bean
    Cache clientDossierCache(DossierProperties properties, CacheManager dossierCacheManager) {
        if (properties.aggregateCacheSize() == 0) {
            return NoCache.INSTANCE;
        }
        org.ehcache.Cache<Object, Object> cache = dossierCacheManager.createCache("client-dossiers",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(properties.aggregateCacheSize())));
        return new EhCache3Adapter((Ehcache<Object, Object>) cache);
    }

    @Bean(destroyMethod = "close")
    CacheManager dossierCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /** Marker that the dossier's schema is migrated; beans that need the tables at start-up depend on it. */
    static final class DossierSchema {
    }
}
