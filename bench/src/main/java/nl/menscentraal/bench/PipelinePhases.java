package nl.menscentraal.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The platform as deployed, in one context on real Kafka and PostgreSQL: partners post through the REST
 * batch API, then publish straight to Kafka; then the timeline is replayed from the event store and read
 * back through the API.
 */
final class PipelinePhases {

    private static final int BATCH = 500;
    private static final int POSTERS = 4;

    private final Report report;
    private final java.util.Set<String> phases;
    private final int queries;
    private final ObjectMapper json = EnvelopeJson.mapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    PipelinePhases(Report report, java.util.Set<String> phases, int queries) {
        this.report = report;
        this.phases = phases;
        this.queries = queries;
    }

    void run(List<LoadGenerator.Client> restLoad, List<LoadGenerator.Client> kafkaLoad) throws Exception {
        run(restLoad, kafkaLoad, List.of(), 0);
    }

    void run(List<LoadGenerator.Client> restLoad, List<LoadGenerator.Client> kafkaLoad,
             List<LoadGenerator.Client> latencyLoad, int latencyRate) throws Exception {
        try (var infra = EmbeddedPlatformInfrastructure.start(Benchmark.tempDir("pipeline"), 0, 0);
             var context = BenchApplications.start(BenchApplications.Platform.class, infra, Map.of())) {
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            // Consumers that are still joining their group would make the first phase's clock run for nothing.
            var listeners = context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers();
            Waiting.until(Duration.ofMinutes(1), () -> listeners.stream().allMatch(c ->
                    c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
            String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
            List<LoadGenerator.Client> loaded = new ArrayList<>();
            if (phases.contains("rest")) {
                rest(base, jdbc, restLoad);
                loaded.addAll(restLoad);
            }
            if (phases.contains("kafka")) {
                kafka(infra, jdbc, kafkaLoad);
                loaded.addAll(kafkaLoad);
            }
            if (phases.contains("latency") && !latencyLoad.isEmpty()) {
                latency(base, jdbc, latencyLoad, latencyRate);
                loaded.addAll(latencyLoad);
            }
            if (phases.contains("replay")) {
                replay(context, jdbc);
            }
            if (phases.contains("query") && !loaded.isEmpty()) {
                query(base, loaded);
            }
        }
    }

    private void rest(String base, JdbcTemplate jdbc, List<LoadGenerator.Client> clients) throws Exception {
        int events = Benchmark.count(clients);
        Map<String, List<ObjectNode>> byPartner = new LinkedHashMap<>();
        clients.forEach(c -> c.events().forEach(e -> byPartner.computeIfAbsent(e.path("partner").asText(), p -> new ArrayList<>()).add(e)));
        ConcurrentLinkedQueue<HttpRequest> requests = new ConcurrentLinkedQueue<>();
        for (var entry : byPartner.entrySet()) {
            String token = entry.getKey().equals("regie") ? "dev-regisseur-1" : "dev-" + entry.getKey();
            List<ObjectNode> list = entry.getValue();
            for (int i = 0; i < list.size(); i += BATCH) {
                ObjectNode body = json.createObjectNode();
                body.putArray("events").addAll(list.subList(i, Math.min(list.size(), i + BATCH)));
                requests.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/batch"))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build());
            }
        }
        var meter = new ResourceMeter();
        Instant t0 = Instant.now();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(POSTERS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < POSTERS; t++) {
            done.add(pool.submit(() -> {
                HttpRequest request;
                while ((request = requests.poll()) != null) {
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200 || response.body().contains("\"rejected\"")) {
                        List<String> refused = new ArrayList<>();
                        if (response.statusCode() == 200) {
                            json.readTree(response.body()).path("results").forEach(r -> {
                                if (r.path("status").asText().equals("rejected")) {
                                    refused.add(r.path("errors").toString());
                                }
                            });
                        }
                        throw new IllegalStateException("batch refused: " + response.statusCode() + " " + refused);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double accepted = (System.nanoTime() - start) / 1e9;
        report.add("rest", "accepted through the REST batch API (acks=all)", events / accepted, "events/s", meter.usage());
        awaitProjected(jdbc, t0, events);
        throughput("rest", jdbc, t0, events, meter);
        long[] acceptedToRecorded = millis(jdbc, """
                SELECT extract(epoch FROM (t.recorded_at - i.received_at)) * 1000 FROM timeline_entry t
                JOIN intake_event i ON i.event_id = t.event_id AND i.partner = t.partner WHERE t.recorded_at >= ?""", t0);
        percentiles("rest", "latency accepted → recorded", acceptedToRecorded);
        meter.close();
    }

    /**
     * Latency at a sustainable rate rather than at saturation: partners post batches of 50 through REST, paced
     * to {@code rate} events/s, and each event's accepted → recorded → projected times are read back.
     */
    private void latency(String base, JdbcTemplate jdbc, List<LoadGenerator.Client> clients, int rate) throws Exception {
        int events = Benchmark.count(clients);
        List<HttpRequest> requests = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        Map<String, List<ObjectNode>> byPartner = new LinkedHashMap<>();
        clients.forEach(c -> c.events().forEach(e -> byPartner.computeIfAbsent(e.path("partner").asText(), p -> new ArrayList<>()).add(e)));
        // interleave the partners' batches, as independent partners would post them
        List<List<ObjectNode>> queues = new ArrayList<>(byPartner.values());
        List<String> partners = new ArrayList<>(byPartner.keySet());
        int[] next = new int[queues.size()];
        boolean more = true;
        while (more) {
            more = false;
            for (int p = 0; p < queues.size(); p++) {
                List<ObjectNode> list = queues.get(p);
                if (next[p] < list.size()) {
                    more = true;
                    List<ObjectNode> batch = list.subList(next[p], Math.min(list.size(), next[p] + 50));
                    next[p] += batch.size();
                    ObjectNode body = json.createObjectNode();
                    body.putArray("events").addAll(batch);
                    String token = partners.get(p).equals("regie") ? "dev-regisseur-1" : "dev-" + partners.get(p);
                    requests.add(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/batch"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build());
                    sizes.add(batch.size());
                }
            }
        }
        var meter = new ResourceMeter();
        Instant t0 = Instant.now();
        long start = System.nanoTime();
        long sent = 0;
        for (int i = 0; i < requests.size(); i++) {
            long due = start + (long) (sent * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            HttpResponse<String> response = http.send(requests.get(i), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("batch refused: " + response.statusCode());
            }
            sent += sizes.get(i);
        }
        double achieved = events / ((System.nanoTime() - start) / 1e9);
        awaitProjected(jdbc, t0, events);
        report.add("latency", "offered rate (REST batches of 50)", achieved, "events/s", meter.usage());
        percentiles("latency", "accepted → recorded", millis(jdbc, """
                SELECT extract(epoch FROM (t.recorded_at - i.received_at)) * 1000 FROM timeline_entry t
                JOIN intake_event i ON i.event_id = t.event_id AND i.partner = t.partner WHERE t.recorded_at >= ?""", t0));
        percentiles("latency", "recorded → projected", millis(jdbc,
                "SELECT extract(epoch FROM (projected_at - recorded_at)) * 1000 FROM timeline_entry WHERE recorded_at >= ?", t0));
        // rules that fire at once: from the recording of the client's last fact before the signal to the signal (the
        // fact that completed a condition is not always among the facts a signal rests on: a late "ends" can make
        // room for a new match); deadline rules wait for the late-arrival grace by design
        Waiting.until(Duration.ofSeconds(30), () -> Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT NOT EXISTS (SELECT 1 FROM signal_wakeup WHERE due_at <= now())", Boolean.class)));
        String toSignalSql = """
                SELECT extract(epoch FROM (s.raised_at - (SELECT max(t.recorded_at) FROM timeline_entry t
                    WHERE t.dossier_id = ANY(s.members) AND t.recorded_at <= s.raised_at))) * 1000
                FROM signal s WHERE s.raised_at >= ? AND s.rule_id %s""";
        long[] toSignal = millis(jdbc, toSignalSql.formatted("NOT IN ('IN-01', 'SH-01', 'SH-02', 'RG-01', 'PA-01', 'VW-01')"), t0);
        report.add("latency", "signals raised at once (KM-01, MP-01, HU-01, HU-02, AF-01, RG-02, GZ-01)", toSignal.length, "signals", null);
        percentiles("latency", "recorded → signal", toSignal);
        for (String rule : jdbc.queryForList("SELECT DISTINCT rule_id FROM signal WHERE raised_at >= ? ORDER BY rule_id", String.class, Timestamp.from(t0))) {
            long[] ofRule = millis(jdbc, toSignalSql.formatted("= '" + rule + "'"), t0);
            report.add("latency", String.format("… %s: %,d signals, p50 %,d ms, p99", rule, ofRule.length,
                    (long) Report.percentile(ofRule, 50)), Report.percentile(ofRule, 99), "ms", null);
        }
        meter.close();
    }

    private void kafka(EmbeddedPlatformInfrastructure infra, JdbcTemplate jdbc, List<LoadGenerator.Client> clients) throws Exception {
        int events = Benchmark.count(clients);
        // serialised before the clock starts: the partners' own work is not the platform's
        List<ProducerRecord<String, byte[]>> records = records(clients);
        var meter = new ResourceMeter();
        Instant t0 = Instant.now();
        long start = System.nanoTime();
        publish(infra.kafka().bootstrapServers(), records);
        double published = (System.nanoTime() - start) / 1e9;
        report.add("kafka", "published straight to Kafka", events / published, "events/s", meter.usage());
        awaitProjected(jdbc, t0, events);
        throughput("kafka", jdbc, t0, events, meter);
        meter.close();
    }

    /** Partner envelopes as Kafka records, keyed by BSN as partners publish them. */
    static List<ProducerRecord<String, byte[]>> records(List<LoadGenerator.Client> clients) throws Exception {
        ObjectMapper json = EnvelopeJson.mapper();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(Benchmark.count(clients));
        for (LoadGenerator.Client client : clients) {
            for (ObjectNode event : client.events()) {
                records.add(new ProducerRecord<>(Topics.PARTNER_EVENTS, client.bsn(), json.writeValueAsBytes(event)));
            }
        }
        return records;
    }

    static void publish(String bootstrapServers, List<ProducerRecord<String, byte[]>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers,
                "acks", "all", "linger.ms", "5", "batch.size", "262144", "compression.type", "lz4"),
                new StringSerializer(), new ByteArraySerializer())) {
            records.forEach(producer::send);
            producer.flush();
        }
    }

    private void replay(ConfigurableApplicationContext context, JdbcTemplate jdbc) {
        long stored = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        long rows = jdbc.queryForObject("SELECT count(*) FROM timeline_entry", Long.class);
        StreamingEventProcessor timeline = context.getBean(EventProcessingConfiguration.class)
                .eventProcessor("client-views", StreamingEventProcessor.class).orElseThrow();
        var meter = new ResourceMeter();
        timeline.shutDown();
        timeline.resetTokens();
        Instant t0 = Instant.now();
        timeline.start();
        // The reset handler empties the table; the replay is done when every row is back. Its duration is read
        // from the rows' own projected_at, not from this loop's polling interval.
        Waiting.until(Duration.ofMinutes(60), () -> jdbc.queryForObject("SELECT count(*) FROM timeline_entry", Long.class) >= rows);
        double seconds = seconds(t0, jdbc.queryForObject("SELECT max(projected_at) FROM timeline_entry", Timestamp.class).toInstant());
        report.add("replay", "timeline projection rebuilt from the event store", stored / seconds, "events/s", meter.usage());
        meter.close();
    }

    private void query(String base, List<LoadGenerator.Client> clients) throws Exception {
        Random random = new Random(7);
        long[] micros = new long[queries];
        var meter = new ResourceMeter();
        for (int i = 0; i < queries; i++) {
            String bsn = clients.get(random.nextInt(clients.size())).bsn();
            micros[i] = timelineMicros(http, base, bsn);
        }
        report.add("query", String.format("timeline query p50 (%,d clients loaded)", clients.size()),
                Report.percentile(micros, 50) / 1000.0, "ms", null);
        report.add("query", "timeline query p99", Report.percentile(micros, 99) / 1000.0, "ms", meter.usage());
        meter.close();
    }

    /** One timeline read as auditor, as a reader would do it; its round trip in microseconds. */
    static long timelineMicros(HttpClient http, String base, String bsn) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/clients/" + bsn + "/timeline"))
                .header("Authorization", "Bearer dev-auditor").header("X-Purpose", "toezicht").GET().build();
        long t = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long micros = (System.nanoTime() - t) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("timeline query answered " + response.statusCode());
        }
        return micros;
    }

    static void awaitProjected(JdbcTemplate jdbc, Instant t0, int events) {
        Waiting.until(Duration.ofMinutes(60), () -> jdbc.queryForObject(
                "SELECT count(*) FROM timeline_entry WHERE recorded_at >= ?", Long.class, Timestamp.from(t0)) >= events);
    }

    /** Rates from the timestamps the platform wrote: recorded (dossier) and projected (timeline row). */
    private void throughput(String phase, JdbcTemplate jdbc, Instant t0, int events, ResourceMeter meter) {
        Timestamp from = Timestamp.from(t0);
        Instant lastRecorded = jdbc.queryForObject("SELECT max(recorded_at) FROM timeline_entry WHERE recorded_at >= ?", Timestamp.class, from).toInstant();
        Instant lastProjected = jdbc.queryForObject("SELECT max(projected_at) FROM timeline_entry WHERE recorded_at >= ?", Timestamp.class, from).toInstant();
        report.add(phase, "recorded in the dossier (end to end)", events / seconds(t0, lastRecorded), "events/s", null);
        report.add(phase, "projected into the timeline (end to end)", events / seconds(t0, lastProjected), "events/s", meter.usage());
        percentiles(phase, "latency recorded → projected", millis(jdbc,
                "SELECT extract(epoch FROM (projected_at - recorded_at)) * 1000 FROM timeline_entry WHERE recorded_at >= ?", t0));
    }

    private void percentiles(String phase, String figure, long[] millis) {
        report.add(phase, figure + " p50", Report.percentile(millis, 50), "ms", null);
        report.add(phase, figure + " p99", Report.percentile(millis, 99), "ms", null);
    }

    private static long[] millis(JdbcTemplate jdbc, String sql, Instant t0) {
        return jdbc.queryForList(sql, Double.class, Timestamp.from(t0)).stream().mapToLong(Double::longValue).toArray();
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }
}
