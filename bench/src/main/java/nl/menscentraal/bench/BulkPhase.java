package nl.menscentraal.bench;

import nl.menscentraal.dossier.batching.CommandBatch;
import nl.menscentraal.dossier.chain.api.PartnerFact;
import nl.menscentraal.dossier.chain.api.RecordChainEventsCommand;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.Envelope;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.EnvelopeValidator;
import nl.menscentraal.events.ValidationResult;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * National scale: a million clients and twenty million events in the dossier, then what a reader and an operator
 * notice at that size: timeline query latency, the projection's replay speed and the heap.
 *
 * <p>The load goes through the dossier's own command path (validation, pseudonym, the aggregate's rules, the
 * event store, the projections following), one command per client and {@value #CLIENTS_PER_TRANSACTION}
 * clients per transaction, without Kafka or REST in front: that pipeline is measured at full speed by the other
 * phases, and feeding twenty million events through it would take hours here. The data directory is kept, so a
 * second run with the same {@code --bulk-dir} measures without loading again.
 */
final class BulkPhase {

    private static final int CLIENTS_PER_TRANSACTION = 100;
    private static final int LOADERS = 2;

    private final Report report;
    private final Catalogue catalogue;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    BulkPhase(Report report, Catalogue catalogue) {
        this.report = report;
        this.catalogue = catalogue;
    }

    void run(Path dir, int clients, int eventsPerClient, int queries, int replaySeconds) throws Exception {
        try (var infra = EmbeddedPlatformInfrastructure.start(dir, 0, 0);
             var context = BenchApplications.start(BenchApplications.DossierOnly.class, infra,
                     Map.of("mens-centraal.dossier.consume-partner-events", "false"))) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE IF NOT EXISTS bench_bulk_load (clients INT NOT NULL, events BIGINT NOT NULL)");
            List<Long> loaded = jdbc.queryForList("SELECT events FROM bench_bulk_load WHERE clients = ?", Long.class, clients);
            long events;
            if (loaded.isEmpty()) {
                events = load(context, jdbc, clients, eventsPerClient);
                jdbc.update("INSERT INTO bench_bulk_load (clients, events) VALUES (?, ?)", clients, events);
            } else {
                events = loaded.get(0);
                System.out.printf("bulk: %,d clients / %,d events already loaded in %s%n", clients, events, dir);
            }
            StreamingEventProcessor views = views(context);
            awaitCaughtUp(jdbc, views);
            report.note(String.format("Bulk: %,d clients, %,d events in the event store; data directory %s.",
                    clients, events, dir));
            report.add("bulk", String.format("event store and timeline on disk (%s)",
                    jdbc.queryForObject("SELECT pg_size_pretty(pg_database_size(current_database()))", String.class)),
                    events, "events", null);
            query(context, clients, queries);
            heap();
            replay(jdbc, views, replaySeconds);
        }
    }

    private long load(ConfigurableApplicationContext context, JdbcTemplate jdbc, int clients, int eventsPerClient)
            throws Exception {
        CommandBatch batch = context.getBean(CommandBatch.class);
        ClientPseudonyms pseudonyms = context.getBean(ClientPseudonyms.class);
        EnvelopeValidator validator = new EnvelopeValidator(catalogue, Clock.systemUTC());
        AtomicInteger next = new AtomicInteger();
        var meter = new ResourceMeter();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(LOADERS);
        List<Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < LOADERS; t++) {
            done.add(pool.submit(() -> {
                long events = 0;
                int first;
                while ((first = next.getAndAdd(CLIENTS_PER_TRANSACTION)) < clients) {
                    // the generator is seeded by the first client's number, so every run loads the same clients
                    LoadGenerator generator = new LoadGenerator(catalogue, first);
                    List<RecordChainEventsCommand> commands = new ArrayList<>(CLIENTS_PER_TRANSACTION);
                    Instant now = Instant.now();
                    for (LoadGenerator.Client client : generator.clients(first,
                            Math.min(CLIENTS_PER_TRANSACTION, clients - first), eventsPerClient)) {
                        List<PartnerFact> facts = new ArrayList<>(client.events().size());
                        String dossierId = null;
                        for (var json : client.events()) {
                            Envelope e = ((ValidationResult.Valid) validator.validate(json)).envelope();
                            dossierId = pseudonyms.of(e.bsn());
                            facts.add(new PartnerFact(e.eventId(), e.partner(), e.type(), e.schemaVersion(),
                                    e.bsn().value(), e.occurredAt(), null, e.professional(), e.payload(),
                                    EnvelopeJson.fingerprint(e)));
                        }
                        commands.add(new RecordChainEventsCommand(dossierId, facts, now));
                        events += facts.size();
                    }
                    batch.dispatchAll(commands);
                    if ((first / CLIENTS_PER_TRANSACTION) % 500 == 0) {
                        System.out.printf("bulk: %,d clients loaded after %,.0f s%n", first, (System.nanoTime() - start) / 1e9);
                    }
                }
                return events;
            }));
        }
        long events = 0;
        for (Future<Long> f : done) {
            events += f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        report.add("bulk", "loaded through the command path (projections following)", events / seconds, "events/s",
                meter.usage());
        meter.close();
        return events;
    }

    private static StreamingEventProcessor views(ConfigurableApplicationContext context) {
        return context.getBean(EventProcessingConfiguration.class)
                .eventProcessor("client-views", StreamingEventProcessor.class).orElseThrow();
    }

    /** Every segment's token at or past the last event in the store. */
    private static void awaitCaughtUp(JdbcTemplate jdbc, StreamingEventProcessor views) {
        long last = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        long start = System.nanoTime();
        while (!caughtUp(views, last)) {
            LockSupport.parkNanos(Duration.ofSeconds(2).toNanos());
            if (System.nanoTime() - start > Duration.ofHours(3).toNanos()) {
                throw new IllegalStateException("the projection did not catch up within 3 hours");
            }
        }
    }

    private static boolean caughtUp(StreamingEventProcessor views, long last) {
        var status = views.processingStatus();
        return !status.isEmpty() && status.values().stream()
                .allMatch(s -> s.getCurrentPosition().orElse(-1) >= last);
    }

    private void query(ConfigurableApplicationContext context, int clients, int queries) throws Exception {
        String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
        Random random = new Random(11);
        long[] micros = new long[queries];
        var meter = new ResourceMeter();
        for (int i = 0; i < queries; i++) {
            String bsn = LoadGenerator.bsn(random.nextInt(clients));
            micros[i] = PipelinePhases.timelineMicros(http, base, bsn);
        }
        report.add("bulk", String.format("timeline query p50 (%,d clients, random, as auditor)", clients),
                Report.percentile(micros, 50) / 1000.0, "ms", null);
        report.add("bulk", "timeline query p99", Report.percentile(micros, 99) / 1000.0, "ms", meter.usage());
        meter.close();
    }

    /** Heap in use after a full collection: what the platform holds at this size, not garbage not yet collected. */
    private void heap() {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        report.add("bulk", String.format("heap in use after a full GC (max heap %d MiB)", heap.getMax() >> 20),
                heap.getUsed() >> 20, "MiB", null);
    }

    /**
     * The timeline and summary rebuilt from the event store, measured over a window: at this size a full rebuild
     * takes longer than a benchmark should. The rate is events behind the slowest segment's token per second.
     */
    private void replay(JdbcTemplate jdbc, StreamingEventProcessor views, int seconds) {
        var meter = new ResourceMeter();
        views.shutDown();
        views.resetTokens();
        long start = System.nanoTime();
        views.start();
        LockSupport.parkNanos(Duration.ofSeconds(seconds).toNanos());
        long position = views.processingStatus().values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long replayed = jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE globalindex <= ?", Long.class, position);
        report.add("bulk", String.format("replay of the views, first %d s of a full rebuild", seconds), replayed / elapsed,
                "events/s", meter.usage());
        meter.close();
    }
}
