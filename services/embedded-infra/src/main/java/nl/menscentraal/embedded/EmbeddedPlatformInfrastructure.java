package nl.menscentraal.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Kafka and PostgreSQL together, as the local run and the test suites need them.
 *
 * <p>Tests share one instance per JVM ({@link #shared()}): isolation comes from unique BSNs and topics,
 * not from restarting servers.
 */
public final class EmbeddedPlatformInfrastructure implements AutoCloseable {

    private static EmbeddedPlatformInfrastructure shared;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;

    private EmbeddedPlatformInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** Starts both servers with their data under {@code dataDir} ({@code postgres/}, {@code kafka/}). */
    public static EmbeddedPlatformInfrastructure start(Path dataDir, int postgresPort, int kafkaPort) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort);
        try {
            EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
            return new EmbeddedPlatformInfrastructure(postgres, kafka);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /**
     * One throw-away pair of servers per JVM, on free ports, stopped when the JVM exits. For tests.
     */
    public static synchronized EmbeddedPlatformInfrastructure shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("mens-centraal-test-infra");
                shared = start(dir, 0, 0);
                EmbeddedPlatformInfrastructure started = shared;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    started.close();
                    deleteRecursively(dir);
                }, "embedded-infra-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Deletes a directory tree; used for throw-away data and for a clean start of the local run. */
    public static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** Stops Kafka first: the services using it should already be down, and PostgreSQL outlives it. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
