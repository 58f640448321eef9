package nl.menscentraal.bench;

import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.HashMap;
import java.util.Map;

/** The Spring contexts the phases run: the whole platform, or only the dossier for the Axon baseline. */
final class BenchApplications {

    private BenchApplications() {
    }

    @SpringBootApplication(scanBasePackages = {"nl.menscentraal.intake", "nl.menscentraal.dossier", "nl.menscentraal.signals"},
            exclude = UpdateCheckerAutoConfiguration.class)
    static class Platform {
    }

    @SpringBootApplication(scanBasePackages = "nl.menscentraal.dossier", exclude = UpdateCheckerAutoConfiguration.class)
    static class DossierOnly {
    }

    static ConfigurableApplicationContext start(Class<?> application, EmbeddedPlatformInfrastructure infra,
                                                Map<String, String> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "spring.datasource.url", infra.postgres().jdbcUrl(),
                "spring.datasource.username", infra.postgres().username(),
                "spring.datasource.password", infra.postgres().password(),
                "spring.datasource.hikari.maximum-pool-size", "20",
                "spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers(),
                "server.port", "0",
                "mens-centraal.security.static-tokens", "true",
                "mens-centraal.dossier.pseudonym-secret", "benchmark-secret-not-for-production",
                "logging.level.root", "WARN",
                "spring.main.banner-mode", "off"));
        properties.put("logging.level.org.springframework.core.annotation.AnnotationTypeMapping", "ERROR");
        properties.put("mens-centraal.privacy.master-key", "484MG9OArxtejROCh5qf4uXbYDYZ585DrkAWeEEbs00=");
        properties.putAll(extra);
        return new SpringApplicationBuilder(application).properties(properties).run();
    }
}
