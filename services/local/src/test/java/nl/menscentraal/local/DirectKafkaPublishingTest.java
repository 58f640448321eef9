package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Partners that publish straight to Kafka instead of through the REST intake. */
class DirectKafkaPublishingTest extends PlatformTest {

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void producer() {
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafkaBootstrap(), "acks", "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void a_valid_envelope_on_the_topic_is_recorded_and_its_status_readable_by_the_partner() throws Exception {
        String bsn = uniqueBsn();
        String eventId = UUID.randomUUID().toString();
        publish(bsn, Map.of("eventId", eventId, "type", "ggz.behandeling-gestart", "partner", "ggz", "bsn", bsn,
                "occurredAt", "2026-03-02T10:00:00+01:00", "payload", Map.of()));

        awaitRecorded("dev-ggz", eventId);
        awaitTimeline(bsn, List.of(eventId));
        JsonNode entries = get("dev-ggz", "/api/v1/clients/" + bsn + "/timeline").getBody().path("entries");
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.path("eventId").asText()).isEqualTo(eventId);
            assertThat(e.path("type").asText()).isEqualTo("ggz.behandeling-gestart");
        });
    }

    @Test
    void a_record_delivered_twice_is_recorded_once() throws Exception {
        String bsn = uniqueBsn();
        String eventId = UUID.randomUUID().toString();
        Map<String, Object> envelope = Map.of("eventId", eventId, "type", "wmo.melding-ontvangen", "partner", "wmo",
                "bsn", bsn, "occurredAt", "2026-03-02T10:00:00+01:00", "payload", Map.of());
        publish(bsn, envelope);
        publish(bsn, envelope);
        String marker = UUID.randomUUID().toString();
        publish(bsn, Map.of("eventId", marker, "type", "wmo.briefadres-verstrekt", "partner", "wmo", "bsn", bsn,
                "occurredAt", "2026-03-03T10:00:00+01:00", "payload", Map.of()));

        awaitRecorded("dev-wmo", marker);
        awaitTimeline(bsn, List.of(eventId, marker));
        assertThat(get("dev-wmo", "/api/v1/clients/" + bsn + "/timeline").getBody().path("entries"))
                .extracting(e -> e.path("eventId").asText()).containsExactly(eventId, marker);
    }

    @Test
    void a_reused_eventId_with_other_content_is_parked_and_the_recorded_fact_stays_as_it_was() throws Exception {
        String bsn = uniqueBsn();
        String eventId = UUID.randomUUID().toString();
        publish(bsn, Map.of("eventId", eventId, "type", "wmo.melding-ontvangen", "partner", "wmo", "bsn", bsn,
                "occurredAt", "2026-03-02T10:00:00+01:00", "payload", Map.of("onderwerp", "eerste")));
        awaitRecorded("dev-wmo", eventId);
        publish(bsn, Map.of("eventId", eventId, "type", "wmo.melding-ontvangen", "partner", "wmo", "bsn", bsn,
                "occurredAt", "2026-03-02T10:00:00+01:00", "payload", Map.of("onderwerp", "tweede")));

        List<ConsumerRecord<String, byte[]>> parked = deadLettersFor(bsn, 1);
        assertThat(reason(parked.get(0))).contains("eventId was already recorded");
        awaitTimeline(bsn, List.of(eventId));
        JsonNode entries = get("dev-wmo", "/api/v1/clients/" + bsn + "/timeline").getBody().path("entries");
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.path("payload").path("onderwerp").asText()).isEqualTo("eerste"));
        assertThat(get("dev-wmo", "/api/v1/events/" + eventId).getBody().path("status").asText()).isEqualTo("recorded");
    }

    @Test
    void poison_records_are_parked_with_their_reason_and_the_next_good_record_is_still_recorded() throws Exception {
        String bsn = uniqueBsn();
        String badEventId = UUID.randomUUID().toString();
        String goodEventId = UUID.randomUUID().toString();
        producer.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, bsn, "{not json".getBytes(StandardCharsets.UTF_8))).get();
        publish(bsn, Map.of("eventId", badEventId, "type", "schuldhulp.betalingsachterstand-gesignaleerd",
                "partner", "schuldhulp", "bsn", "123456789", "occurredAt", "2026-03-02T10:00:00+01:00",
                "payload", Map.of("bedrag", 100)));
        publish(bsn, Map.of("eventId", goodEventId, "type", "schuldhulp.aanmelding-ontvangen", "partner", "schuldhulp",
                "bsn", bsn, "occurredAt", "2026-03-02T10:00:00+01:00", "payload", Map.of("crisis", true)));

        awaitRecorded("dev-schuldhulp", goodEventId);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                "rejected".equals(get("dev-schuldhulp", "/api/v1/events/" + badEventId).getBody().path("status").asText()));

        List<ConsumerRecord<String, byte[]>> parked = deadLettersFor(bsn, 2);
        assertThat(parked).extracting(r -> reason(r)).anySatisfy(reason ->
                assertThat(reason).contains("not valid JSON"));
        assertThat(parked).extracting(r -> reason(r)).anySatisfy(reason ->
                assertThat(reason).contains("bsn").contains("payload.schuldeiser").doesNotContain("123456789"));
        JsonNode status = get("dev-schuldhulp", "/api/v1/events/" + badEventId).getBody();
        assertThat(status.path("reason").asText()).contains("payload.schuldeiser");
    }

    private void publish(String key, Map<String, Object> envelope) throws Exception {
        producer.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, key, json.writeValueAsBytes(envelope))).get();
    }

    private static String reason(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(Topics.REASON_HEADER).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> deadLettersFor(String key, int expected) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", kafkaBootstrap(),
                "group.id", "dlq-check-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.PARTNER_EVENTS_DLQ));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return found.size() >= expected;
            });
        }
        return found;
    }
}
