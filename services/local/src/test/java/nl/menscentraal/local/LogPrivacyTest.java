package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * No BSN in the logs (privacy.md): journeys through every path that logs — publishing, recording, reading,
 * refusals, signals, a webhook that fails, poison records on Kafka — while the whole platform's log output is
 * captured, then a scan for every BSN used.
 */
@ExtendWith(OutputCaptureExtension.class)
class LogPrivacyTest extends PlatformTest {

    @Test
    void the_logs_of_a_client_journey_with_refusals_poison_and_failed_deliveries_hold_no_bsn(CapturedOutput logs) throws Exception {
        String client = uniqueBsn();
        String child = uniqueBsn();
        String since = OffsetDateTime.now(CLOCK).minusDays(40).withNano(0).toString();
        // a webhook that always fails: its failures are logged (one rule only, to keep the noise out of other tests)
        post("dev-regisseur-1", "/api/v1/subscriptions", Map.of("callbackUrl", "http://localhost:1/hook",
                "secret", "a-secret-of-sixteen-characters", "ruleIds", List.of("GZ-01")));
        post("dev-werk-inkomen", "/api/v1/events", envelope("werk-inkomen.uitkering-aangevraagd", client, since, Map.of("regeling", "bijstand")));
        post("dev-werk-inkomen", "/api/v1/events", envelope("werk-inkomen.huishouden-vastgesteld", client, since, Map.of("leden", List.of(client, child))));
        post("dev-schuldhulp", "/api/v1/events", envelope("schuldhulp.aanmelding-ontvangen", client, since, Map.of()));
        post("dev-ggz", "/api/v1/events", envelope("ggz.aanmelding-ontvangen", client, since, Map.of()));
        post("dev-jeugd", "/api/v1/events", envelope("jeugd.zorgmelding-ontvangen", child, since, Map.of("bron", "school")));
        // refused input: invalid, another partner's type, a conflicting eventId
        post("dev-wmo", "/api/v1/events", envelope("wmo.opvang-toegelaten", client, since, Map.of()));
        post("dev-wmo", "/api/v1/events", envelope("ggz.aanmelding-ontvangen", client, since, Map.of()));
        Map<String, Object> first = envelope("wmo.melding-ontvangen", client, since, Map.of());
        post("dev-wmo", "/api/v1/events", first);
        Map<String, Object> conflicting = new java.util.HashMap<>(first);
        conflicting.put("occurredAt", OffsetDateTime.now(CLOCK).minusDays(2).withNano(0).toString());
        post("dev-wmo", "/api/v1/events", conflicting);
        // poison straight on Kafka, keyed by the BSN as partners publish
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafkaBootstrap()),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, client, ("{\"bsn\":\"" + client + "\"").getBytes(StandardCharsets.UTF_8))).get();
            producer.send(new ProducerRecord<>(Topics.PARTNER_EVENTS, client, json.writeValueAsBytes(Map.of("bsn", client,
                    "type", "wmo.melding-ontvangen", "partner", "wmo", "payload", Map.of())))).get();
        }
        // reads, granted and refused
        get("dev-regisseur-2", "/api/v1/clients/" + client + "/timeline");
        get("dev-auditor", "/api/v1/clients/" + client, Map.of("X-Purpose", "toezicht"));
        get("dev-auditor", "/api/v1/clients/" + child);
        // signals, including the deadline ones after the grace
        CLOCK.advance(Duration.ofMinutes(11));
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ResponseEntity<JsonNode> signals = get("dev-auditor", "/api/v1/signals?bsn=" + client, Map.of("X-Purpose", "toezicht"));
                List<String> rules = new java.util.ArrayList<>();
                signals.getBody().path("signals").forEach(s -> rules.add(s.path("ruleId").asText()));
                return rules.containsAll(List.of("KM-01", "MP-01", "GZ-01", "SH-01"));
            });
            await().atMost(Duration.ofSeconds(30)).until(() -> logs.getAll().contains("failed (ConnectException)"));
        } finally {
            CLOCK.reset();
        }

        assertThat(logs.getAll()).isNotBlank().doesNotContain(client, child);
    }
}
