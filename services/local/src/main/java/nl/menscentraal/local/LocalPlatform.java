package nl.menscentraal.local;

import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * The README's first command: starts a real PostgreSQL server and a real Kafka broker (KRaft) with their data
 * in {@code ./data}, then every service on one port. Ctrl-C stops the services first, then the servers.
 *
 * <p>Options: {@code --clean} starts from empty data; {@code --data-dir=PATH}; {@code --server.port=PORT};
 * {@code --kafka-port=PORT} (default 9092) and {@code --postgres-port=PORT} (default 5433) for tools such as
 * {@code psql} or a direct Kafka publisher.
 */
public final class LocalPlatform {

    public static void main(String[] args) {
        long started = System.nanoTime();
        System.setProperty("axoniq.update-checker.disabled", "true");
        Path dataDir = Paths.get(option(args, "--data-dir=", "data")).toAbsolutePath();
        if (Arrays.asList(args).contains("--clean")) {
            EmbeddedPlatformInfrastructure.deleteRecursively(dataDir);
        }
        int kafkaPort = Integer.parseInt(option(args, "--kafka-port=", "9092"));
        int postgresPort = Integer.parseInt(option(args, "--postgres-port=", "5433"));

        EmbeddedPlatformInfrastructure infra = EmbeddedPlatformInfrastructure.start(dataDir, postgresPort, kafkaPort);
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(LocalPlatformApplication.class)
                    .properties(Map.of(
                            "spring.datasource.url", infra.postgres().jdbcUrl(),
                            "spring.datasource.username", infra.postgres().username(),
                            "spring.datasource.password", infra.postgres().password(),
                            "spring.kafka.bootstrap-servers", infra.kafka().bootstrapServers()))
                    .registerShutdownHook(false)
                    .run(Arrays.stream(args).filter(a -> !a.equals("--clean")).toArray(String[]::new));
        } catch (RuntimeException e) {
            infra.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            infra.close();
            System.out.println("Mens Centraal stopped; data kept in " + dataDir);
        }, "mens-centraal-stop"));
        printWelcome(context.getEnvironment(), infra, dataDir, Duration.ofNanos(System.nanoTime() - started));
    }

    private static void printWelcome(Environment env, EmbeddedPlatformInfrastructure infra, Path dataDir,
                                     Duration startup) {
        String base = "http://localhost:" + env.getProperty("local.server.port", "8080");
        System.out.printf("""

                ==============================================================================
                 Mens Centraal is running (started in %.1f s)
                   API               %s/api/v1
                   OpenAPI           %s/v3/api-docs
                   Health            %s/actuator/health
                   Kafka             %s   (topic mens-centraal.partner-events.v1)
                   PostgreSQL        %s  (user postgres / postgres)
                   Data              %s  (start with --clean for empty data)
                 Local bearer tokens (Authorization: Bearer <token>):
                   dev-werk-inkomen  dev-wmo  dev-jeugd  dev-schuldhulp  dev-ggz   (partners)
                   dev-regisseur-1  dev-regisseur-2   (regisseurs)
                   dev-auditor   (auditor, send X-Purpose)   dev-operator   (operator)
                 Stop with Ctrl-C.
                ==============================================================================
                %n""", startup.toMillis() / 1000.0, base, base, base, infra.kafka().bootstrapServers(),
                infra.postgres().jdbcUrl(), dataDir);
    }

    private static String option(String[] args, String prefix, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(fallback);
    }
}
