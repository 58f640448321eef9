package nl.menscentraal.bench;

import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scale-out as deployed: dossier instances in their own JVMs (the production {@code -exec} jar), sharing one
 * PostgreSQL and one Kafka. Kafka splits the partitions between the instances' consumers; the pooled processor's
 * segments are claimed through the shared token store. Measures one instance, then two, then kills one of the
 * two mid-run (SIGKILL, no goodbye) and checks that the survivor records every event exactly once.
 */
final class ScaleOutPhase {

    private static final String GROUP = "mens-centraal-dossier";
    private static final String CHAIN_EVENT = "nl.menscentraal.dossier.chain.api.ChainEventRecorded";

    private final Report report;
    private final Path dossierJar;
    private final HttpClient http = HttpClient.newHttpClient();

    ScaleOutPhase(Report report, Path dossierJar) {
        this.report = report;
        this.dossierJar = dossierJar;
    }

    /**
     * @param warmup two unmeasured loads: the first for instance a alone, the second once b has joined, so each JVM
     *               has compiled its hot paths before a clock runs
     */
    void run(List<LoadGenerator.Client> single, List<LoadGenerator.Client> pair, List<LoadGenerator.Client> failover,
             List<List<LoadGenerator.Client>> warmup) throws Exception {
        Path dir = Benchmark.tempDir("scaleout");
        List<Instance> instances = new ArrayList<>();
        try (var infra = EmbeddedPlatformInfrastructure.start(dir, 0, 0);
             Admin admin = Admin.create(Map.of("bootstrap.servers", infra.kafka().bootstrapServers()))) {
            JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(infra.postgres().jdbcUrl(),
                    infra.postgres().username(), infra.postgres().password()));
            instances.add(Instance.start(dossierJar, infra, dir, "a"));
            awaitReady(instances, admin);
            unmeasured(infra, jdbc, warmup.get(0));
            double one = measure(infra, jdbc, single, "one instance");

            instances.add(Instance.start(dossierJar, infra, dir, "b"));
            awaitReady(instances, admin);
            unmeasured(infra, jdbc, warmup.get(1));
            double two = measure(infra, jdbc, pair, "two instances");
            report.add("scale-out", "two instances ÷ one (×100)", 100 * two / one, "%", null);

            failover(infra, jdbc, instances, failover, Benchmark.count(single) + Benchmark.count(pair)
                    + Benchmark.count(warmup.get(0)) + Benchmark.count(warmup.get(1)));
        } finally {
            instances.forEach(Instance::stop);
        }
    }

    private void unmeasured(EmbeddedPlatformInfrastructure infra, JdbcTemplate jdbc, List<LoadGenerator.Client> clients)
            throws Exception {
        Instant t0 = Instant.now();
        PipelinePhases.publish(infra.kafka().bootstrapServers(), PipelinePhases.records(clients));
        PipelinePhases.awaitProjected(jdbc, t0, Benchmark.count(clients));
    }

    private double measure(EmbeddedPlatformInfrastructure infra, JdbcTemplate jdbc, List<LoadGenerator.Client> clients,
                           String label) throws Exception {
        int events = Benchmark.count(clients);
        var records = PipelinePhases.records(clients);
        var meter = new ResourceMeter();
        Instant t0 = Instant.now();
        PipelinePhases.publish(infra.kafka().bootstrapServers(), records);
        PipelinePhases.awaitProjected(jdbc, t0, events);
        Instant last = jdbc.queryForObject("SELECT max(recorded_at) FROM timeline_entry WHERE recorded_at >= ?",
                Timestamp.class, Timestamp.from(t0)).toInstant();
        double rate = events / (Math.max(1, Duration.between(t0, last).toMillis()) / 1000.0);
        report.add("scale-out", label + ": recorded (Kafka to event store)", rate, "events/s", meter.usage());
        meter.close();
        return rate;
    }

    /**
     * Kills instance a once a third of the load is recorded; b must take over a's partitions (after Kafka's
     * session timeout) and a's segments (after the token claim timeout) and record the rest. Afterwards the event
     * store must hold every published fact exactly once: fewer means a loss, more a fact recorded twice.
     */
    private void failover(EmbeddedPlatformInfrastructure infra, JdbcTemplate jdbc, List<Instance> instances,
                          List<LoadGenerator.Client> clients, int before) throws Exception {
        int events = Benchmark.count(clients);
        var records = PipelinePhases.records(clients);
        Instant t0 = Instant.now();
        Thread publisher = new Thread(() -> PipelinePhases.publish(infra.kafka().bootstrapServers(), records));
        publisher.start();
        Waiting.until(Duration.ofMinutes(10), () -> jdbc.queryForObject(
                "SELECT count(*) FROM timeline_entry WHERE recorded_at >= ?", Long.class, Timestamp.from(t0)) >= events / 3);
        long atKill = jdbc.queryForObject("SELECT count(*) FROM timeline_entry WHERE recorded_at >= ?", Long.class,
                Timestamp.from(t0));
        Instant killed = Instant.now();
        instances.get(0).kill();
        publisher.join();
        PipelinePhases.awaitProjected(jdbc, t0, events);
        Instant done = Instant.now();
        long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ?", Long.class,
                CHAIN_EVENT);
        long distinct = jdbc.queryForObject("SELECT count(*) FROM timeline_entry", Long.class);
        report.note(String.format("Failover: instance a killed (SIGKILL) with %,d of %,d facts recorded; instance b "
                        + "finished the rest %,d s later. Facts published in all: %,d; in the event store: %,d; distinct in "
                        + "the timeline: %,d.", atKill, events, Duration.between(killed, done).toSeconds(),
                before + events, stored, distinct));
        if (stored != before + events || distinct != before + events) {
            throw new IllegalStateException("failover lost or duplicated facts: published " + (before + events)
                    + ", stored " + stored + ", distinct " + distinct);
        }
        report.add("scale-out", "failover: facts lost or recorded twice", 0, "", null);
    }

    /** Every instance answers ready, and the consumer group has exactly their consumers, all partitions assigned. */
    private void awaitReady(List<Instance> instances, Admin admin) {
        Waiting.until(Duration.ofMinutes(3), () -> instances.stream().allMatch(this::ready));
        Waiting.until(Duration.ofMinutes(3), () -> {
            try {
                ConsumerGroupDescription group = admin.describeConsumerGroups(Set.of(GROUP)).all().get().get(GROUP);
                // each instance runs the dossier's default three consumers
                return group.members().size() == 3 * instances.size()
                        && group.members().stream().allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            } catch (Exception e) {
                return false;
            }
        });
    }

    private boolean ready(Instance instance) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + instance.port() + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A dossier JVM, configured as deploy/config/dossier.properties would, pointed at the benchmark's servers. */
    private record Instance(Process process, int port) {

        static Instance start(Path jar, EmbeddedPlatformInfrastructure infra, Path dir, String name) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder("java", "-Xmx768m", "-jar", jar.toAbsolutePath().toString(),
                    "--server.port=" + port,
                    "--spring.datasource.url=" + infra.postgres().jdbcUrl(),
                    "--spring.datasource.username=" + infra.postgres().username(),
                    "--spring.datasource.password=" + infra.postgres().password(),
                    "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
                    "--mens-centraal.dossier.pseudonym-secret=benchmark-secret-not-for-production",
                    "--mens-centraal.privacy.master-key=484MG9OArxtejROCh5qf4uXbYDYZ585DrkAWeEEbs00=",
                    "--axon.eventhandling.tokenstore.claim-timeout=10s",
                    // a killed instance's partitions move after this; production keeps Kafka's default (45 s)
                    "--spring.kafka.consumer.properties.session.timeout.ms=10000",
                    "--logging.level.root=WARN")
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("dossier-" + name + ".log").toFile())
                    .start();
            return new Instance(process, port);
        }

        void kill() {
            process.destroyForcibly();
        }

        void stop() {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
