package nl.menscentraal.bench;

import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.Catalogue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The benchmark suite of {@code docs/performance.md}. One run measures, on this machine and under the same
 * conditions, the raw PostgreSQL ceiling, a straightforward Axon baseline and the platform's pipeline, so
 * every figure can be read as a ratio that holds on a noisy machine.
 *
 * <pre>java -jar bench/target/mens-centraal-bench.jar [--clients=2000] [--events-per-client=20]
 *      [--baseline-events=20000] [--queries=2000] [--warmup-clients=300] [--latency-rate=1000]
 *      [--latency-seconds=30] [--phases=ceiling,baseline,rest,kafka,latency,replay,query,scaleout,bulk]
 *      [--out=bench/target/bench-report.md]
 *      [--bulk-clients=1000000 --bulk-dir=/var/tmp/mens-centraal-bulk-N --replay-seconds=120]  (phase bulk)
 *      [--dossier-jar=services/dossier/target/dossier-0.1.0-SNAPSHOT-exec.jar]  (phase scaleout)</pre>
 */
public final class Benchmark {

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        int clients = Integer.parseInt(option(args, "clients", "2000"));
        int eventsPerClient = Integer.parseInt(option(args, "events-per-client", "20"));
        int baselineEvents = Integer.parseInt(option(args, "baseline-events", "20000"));
        int queries = Integer.parseInt(option(args, "queries", "2000"));
        int warmupClients = Integer.parseInt(option(args, "warmup-clients", "300"));
        int latencyRate = Integer.parseInt(option(args, "latency-rate", "1000"));
        int latencySeconds = Integer.parseInt(option(args, "latency-seconds", "30"));
        Set<String> phases = Set.copyOf(Arrays.asList(option(args, "phases", "ceiling,baseline,rest,kafka,latency,replay,query,scaleout,bulk").split(",")));
        Path out = Path.of(option(args, "out", "bench/target/bench-report.md"));
        int bulkClients = Integer.parseInt(option(args, "bulk-clients", "1000000"));
        Path bulkDir = Path.of(option(args, "bulk-dir", "/var/tmp/mens-centraal-bulk-" + bulkClients));
        int replaySeconds = Integer.parseInt(option(args, "replay-seconds", "120"));
        Path dossierJar = Path.of(option(args, "dossier-jar", "services/dossier/target/dossier-0.1.0-SNAPSHOT-exec.jar"));

        Catalogue catalogue = Catalogue.load();
        LoadGenerator generator = new LoadGenerator(catalogue, 42);
        List<LoadGenerator.Client> restLoad = generator.clients(0, clients, eventsPerClient);
        List<LoadGenerator.Client> kafkaLoad = generator.clients(clients, clients, eventsPerClient);
        List<LoadGenerator.Client> latencyLoad = generator.clients(4 * clients + 2 * warmupClients,
                Math.max(1, latencyRate * latencySeconds / eventsPerClient), eventsPerClient);
        Report report = new Report();
        report.note(String.format("Load: %,d clients and %,d events per pipeline phase (REST, Kafka); machine: %d cores, JVM max heap %d MiB.",
                clients, count(restLoad), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));

        if (warmupClients > 0) {
            // An unmeasured pass through the pipeline first, so the JIT has compiled the hot paths before any
            // phase is timed; otherwise whichever phase runs first pays for the warm-up.
            List<LoadGenerator.Client> warmup = generator.clients(2 * clients, 2 * warmupClients, eventsPerClient);
            new PipelinePhases(new Report(), Set.of("rest", "kafka"), 0)
                    .run(warmup.subList(0, warmupClients), warmup.subList(warmupClients, 2 * warmupClients));
        }
        if (phases.contains("ceiling")) {
            new CeilingPhase(report).run(restLoad);
        }
        if (phases.contains("baseline")) {
            new BaselinePhase(report, catalogue).run(firstEvents(restLoad, baselineEvents));
        }
        if (phases.stream().anyMatch(Set.of("rest", "kafka", "latency", "replay", "query")::contains)) {
            new PipelinePhases(report, phases, queries).run(restLoad, kafkaLoad, latencyLoad, latencyRate);
        }
        if (phases.contains("scaleout")) {
            int first = 5 * clients + 2 * warmupClients;
            List<LoadGenerator.Client> failover = generator.clients(first, clients, eventsPerClient);
            int warm = Math.max(warmupClients, 1);
            List<List<LoadGenerator.Client>> warmup = List.of(generator.clients(first + clients, warm, eventsPerClient),
                    generator.clients(first + clients + warm, warm, eventsPerClient));
            new ScaleOutPhase(report, dossierJar).run(restLoad, kafkaLoad, failover, warmup);
        }
        if (phases.contains("bulk")) {
            new BulkPhase(report, catalogue).run(bulkDir, bulkClients, eventsPerClient, queries, replaySeconds);
        }

        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, markdown);
        System.out.println("Written to " + out.toAbsolutePath());
        System.exit(0);
    }

    static int count(List<LoadGenerator.Client> clients) {
        return clients.stream().mapToInt(c -> c.events().size()).sum();
    }

    private static List<LoadGenerator.Client> firstEvents(List<LoadGenerator.Client> clients, int events) {
        int n = 0;
        int total = 0;
        while (n < clients.size() && total < events) {
            total += clients.get(n++).events().size();
        }
        return clients.subList(0, n);
    }

    private static String option(String[] args, String name, String fallback) {
        String prefix = "--" + name + "=";
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .findFirst().orElse(fallback);
    }

    /** A fresh directory for one phase's servers, deleted when the benchmark exits. */
    static Path tempDir(String name) {
        try {
            Path dir = Files.createTempDirectory("mens-centraal-bench-" + name);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> EmbeddedPlatformInfrastructure.deleteRecursively(dir)));
            return dir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
