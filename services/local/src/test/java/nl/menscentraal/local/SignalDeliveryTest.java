package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Signal consumers receive every change: on Kafka keyed by the subject's pseudonym, by signed webhook, and on a
 * live Server-Sent Events stream.
 */
class SignalDeliveryTest extends PlatformTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    static String daysAgo(int days) {
        return OffsetDateTime.now(CLOCK).minusDays(days).withOffsetSameInstant(ZoneOffset.ofHours(1)).withNano(0).toString();
    }

    /** A client with two partners involved and problems in two clusters: KM-01 (to the partners) and MP-01 (to regie). */
    String clientWithMultipleProblems() {
        String bsn = uniqueBsn();
        for (String[] fact : List.of(new String[]{"dev-wmo", "wmo.opvang-toegelaten"}, new String[]{"dev-ggz", "ggz.aanmelding-ontvangen"})) {
            Map<String, Object> envelope = envelope(fact[1], bsn, daysAgo(3),
                    fact[1].startsWith("wmo") ? Map.of("soort", "nachtopvang") : Map.of());
            assertThat(post(fact[0], "/api/v1/events", envelope).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        }
        return bsn;
    }

    @Test
    void every_change_is_published_on_kafka_keyed_by_the_subjects_pseudonym_never_the_bsn() throws Exception {
        String bsn = clientWithMultipleProblems();
        JsonNode signal = awaitSignal(bsn, "MP-01");
        post("dev-regisseur-1", "/api/v1/signals/" + signal.path("signalId").asText() + "/acknowledge", Map.of());

        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> mine = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SIGNALS));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (json.readTree(record.value()).path("signalId").asText().equals(signal.path("signalId").asText())) {
                        mine.add(record);
                    }
                }
                return mine.size() >= 2;
            });
        }

        assertThat(mine).extracting(r -> json.readTree(r.value()).path("status").asText())
                .containsExactly("open", "in-behandeling");
        assertThat(mine).extracting(ConsumerRecord::key).doesNotContainNull().allSatisfy(key -> assertThat(key).doesNotContain(bsn));
        assertThat(mine.get(0).key()).isEqualTo(mine.get(1).key());
        assertThat(json.readTree(mine.get(0).value()).path("subject").path("bsn").asText()).isEqualTo(bsn);
        mine.forEach(r -> r.headers().forEach(h -> assertThat(new String(h.value(), StandardCharsets.UTF_8)).doesNotContain(bsn)));
    }

    @Test
    void a_webhook_subscriber_receives_the_signal_signed_with_its_secret() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(new String[]{new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Signature")});
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String secret = "a-secret-of-the-receiver-" + UUID.randomUUID();
            ResponseEntity<JsonNode> subscribed = post("dev-regisseur-1", "/api/v1/subscriptions", Map.of(
                    "callbackUrl", "http://localhost:" + receiver.getAddress().getPort() + "/hook", "secret", secret,
                    "ruleIds", List.of("MP-01")));
            assertThat(subscribed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            assertThat(subscribed.getBody().has("secret")).isFalse();

            String bsn = clientWithMultipleProblems();

            String[] delivery = await().atMost(Duration.ofSeconds(30)).until(() -> received.stream()
                    .filter(r -> r[0].contains(bsn)).findFirst().orElse(null), r -> r != null);
            JsonNode body = json.readTree(delivery[0]);
            assertThat(body.path("ruleId").asText()).isEqualTo("MP-01");
            assertThat(body.path("status").asText()).isEqualTo("open");
            assertThat(delivery[1]).isEqualTo("sha256=" + hmac(secret, delivery[0]));
            assertThat(received).noneMatch(r -> r[0].contains("\"KM-01\""));
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void a_partner_on_the_live_stream_sees_the_signals_routed_to_it_as_they_happen() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/v1/signals/stream"))
                .header("Authorization", "Bearer dev-ggz").header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (Exception closed) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();

        String bsn = clientWithMultipleProblems();

        await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                .anyMatch(l -> l.startsWith("data:") && l.contains(bsn) && l.contains("\"KM-01\"")));
        assertThat(lines).noneMatch(l -> l.contains(bsn) && l.contains("\"MP-01\""));
        assertThat(lines).contains("event:signal");
        response.body().close();
    }

    @Test
    void replaying_the_rules_over_all_history_raises_and_delivers_nothing_again() throws Exception {
        String bsn = clientWithMultipleProblems();
        String signalId = awaitSignal(bsn, "MP-01").path("signalId").asText();
        await().atMost(Duration.ofSeconds(30)).until(() -> kafkaRecordsOf(signalId).size() == 1);

        String raisedOnTheSubjectsStream = "SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%SignalRaised' "
                + "AND aggregateidentifier = (SELECT 'signals-' || subject_id FROM signal WHERE signal_id = ?::uuid)";
        Integer raisedBefore = jdbc.queryForObject(raisedOnTheSubjectsStream, Integer.class, signalId);

        PooledStreamingEventProcessor rules = processing.eventProcessor("signal-rules", PooledStreamingEventProcessor.class).orElseThrow();
        rules.shutDown();
        rules.resetTokens();
        rules.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> rules.processingStatus().values().stream().allMatch(s -> s.isCaughtUp())
                && Boolean.TRUE.equals(jdbc.queryForObject("SELECT NOT EXISTS (SELECT 1 FROM signal_wakeup WHERE due_at <= ?)",
                Boolean.class, java.sql.Timestamp.from(CLOCK.instant()))));

        assertThat(jdbc.queryForObject(raisedOnTheSubjectsStream, Integer.class, signalId)).isEqualTo(raisedBefore);
        // no new event, so nothing for the delivery processor: the topic still holds the one announcement
        assertThat(kafkaRecordsOf(signalId)).hasSize(1);
    }

    List<JsonNode> kafkaRecordsOf(String signalId) throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<JsonNode> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SIGNALS));
            int empty = 0;
            while (empty < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                empty = records.isEmpty() ? empty + 1 : 0;
                for (ConsumerRecord<String, byte[]> record : records) {
                    JsonNode value = json.readTree(record.value());
                    if (value.path("signalId").asText().equals(signalId)) {
                        found.add(value);
                    }
                }
            }
        }
        return found;
    }

    int port() {
        return Integer.parseInt(http.getRootUri().substring(http.getRootUri().lastIndexOf(':') + 1));
    }

    JsonNode awaitSignal(String bsn, String ruleId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> list = get("dev-auditor", "/api/v1/signals?bsn=" + bsn, Map.of("X-Purpose", "toezicht"));
            for (JsonNode s : list.getBody().path("signals")) {
                if (s.path("ruleId").asText().equals(ruleId)) {
                    return s;
                }
            }
            return null;
        }, s -> s != null);
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
