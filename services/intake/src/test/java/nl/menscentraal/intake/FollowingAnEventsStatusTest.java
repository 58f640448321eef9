package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FollowingAnEventsStatusTest extends IntakeIntegrationTest {

    @Nested
    class Asking_for_a_status {

        @Test
        void shows_an_accepted_event_of_the_callers_own_with_its_timestamps() {
            String eventId = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());

            Answer answer = get(WERK_INKOMEN, "/api/v1/events/" + eventId);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("eventId").asText()).isEqualTo(eventId);
            assertThat(answer.body().path("status").asText()).isEqualTo("accepted");
            assertThat(answer.body().has("reason")).isFalse();
            assertThat(OffsetDateTime.parse(answer.body().path("receivedAt").asText())).isNotNull();
            assertThat(OffsetDateTime.parse(answer.body().path("updatedAt").asText())).isNotNull();
        }

        @Test
        void is_404_for_another_partners_event() {
            String eventId = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());

            Answer answer = get(SCHULDHULP, "/api/v1/events/" + eventId);

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.isProblem()).isTrue();
        }

        @Test
        void is_404_for_an_unknown_event() {
            assertThat(get(WERK_INKOMEN, "/api/v1/events/" + UUID.randomUUID()).status()).isEqualTo(404);
        }

        @Test
        void is_404_while_kafka_has_not_acknowledged_the_event() {
            String eventId = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());
            jdbc.update("update intake_event set status = 'pending' where event_id = ?", UUID.fromString(eventId));

            assertThat(get(WERK_INKOMEN, "/api/v1/events/" + eventId).status()).isEqualTo(404);
        }

        @Test
        void is_400_for_an_eventId_that_is_not_a_uuid() {
            Answer answer = get(WERK_INKOMEN, "/api/v1/events/1-2-3-4-5");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.errorFields()).containsExactly("eventId");
        }

        @Test
        void is_403_for_an_auditor() {
            assertThat(get(AUDITOR, "/api/v1/events/" + UUID.randomUUID()).status()).isEqualTo(403);
        }

        @Test
        void is_401_without_a_token() {
            Answer answer = get(null, "/api/v1/events/" + UUID.randomUUID());

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
        }
    }

    @Nested
    class The_dossiers_outcome {

        @Test
        void moves_an_accepted_event_to_recorded() {
            String eventId = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());

            sendStatus("werk-inkomen", eventId, "{\"partner\":\"werk-inkomen\",\"eventId\":\"" + eventId
                    + "\",\"status\":\"recorded\",\"at\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");

            awaitStatus(WERK_INKOMEN, eventId, "recorded");
        }

        @Test
        void moves_an_event_to_rejected_with_its_reason() {
            String eventId = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());

            sendStatus("werk-inkomen", eventId, "{\"partner\":\"werk-inkomen\",\"eventId\":\"" + eventId
                    + "\",\"status\":\"rejected\",\"reason\":\"schemaVersion is no longer supported\",\"at\":\""
                    + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");

            awaitStatus(WERK_INKOMEN, eventId, "rejected");
            assertThat(get(WERK_INKOMEN, "/api/v1/events/" + eventId).body().path("reason").asText())
                    .isEqualTo("schemaVersion is no longer supported");
        }

        @Test
        void completes_an_event_that_was_still_pending() {
            String eventId = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());
            jdbc.update("update intake_event set status = 'pending' where event_id = ?", UUID.fromString(eventId));

            sendStatus("werk-inkomen", eventId, recorded("werk-inkomen", eventId));

            awaitStatus(WERK_INKOMEN, eventId, "recorded");
        }

        @Test
        void is_final_so_a_later_or_redelivered_outcome_changes_nothing() {
            String eventId = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());
            sendStatus("werk-inkomen", eventId, recorded("werk-inkomen", eventId));
            awaitStatus(WERK_INKOMEN, eventId, "recorded");

            sendStatus("werk-inkomen", eventId, "{\"partner\":\"werk-inkomen\",\"eventId\":\"" + eventId
                    + "\",\"status\":\"rejected\",\"reason\":\"late\",\"at\":\"" + OffsetDateTime.now(ZoneOffset.UTC) + "\"}");
            sendStatus("werk-inkomen", eventId, recorded("werk-inkomen", eventId));
            // Same partition, in order: once this marker is applied, the two before it were too.
            String marker = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());
            sendStatus("werk-inkomen", marker, recorded("werk-inkomen", marker));
            awaitStatus(WERK_INKOMEN, marker, "recorded");

            assertThat(get(WERK_INKOMEN, "/api/v1/events/" + eventId).body().path("status").asText()).isEqualTo("recorded");
        }

        @Test
        void of_an_event_published_straight_to_kafka_makes_it_visible_to_its_partner() {
            String eventId = UUID.randomUUID().toString();

            sendStatus("ggz", eventId, "{\"partner\":\"ggz\",\"eventId\":\"" + eventId + "\",\"status\":\"recorded\","
                    + "\"fingerprint\":\"abc\",\"at\":\"2026-03-02T10:00:00+01:00\"}");

            awaitStatus("dev-ggz", eventId, "recorded");
            Answer answer = get("dev-ggz", "/api/v1/events/" + eventId);
            assertThat(answer.body().has("receivedAt")).isFalse();
            assertThat(OffsetDateTime.parse(answer.body().path("updatedAt").asText()).toInstant())
                    .isEqualTo(OffsetDateTime.parse("2026-03-02T10:00:00+01:00").toInstant());
            assertThat(get(WERK_INKOMEN, "/api/v1/events/" + eventId).status()).isEqualTo(404);
        }

        @Test
        void that_is_malformed_is_skipped_without_blocking_the_next() {
            String eventId = published(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());

            sendStatus("werk-inkomen", eventId, "not json at all");
            sendStatus("werk-inkomen", eventId, "{\"partner\":\"werk-inkomen\",\"eventId\":\"" + eventId
                    + "\",\"status\":\"lost\",\"at\":\"now\"}");
            sendStatus("werk-inkomen", eventId, recorded("werk-inkomen", eventId));

            awaitStatus(WERK_INKOMEN, eventId, "recorded");
        }
    }

    private String published(String token, ObjectNode envelope) {
        assertThat(publish(token, envelope).status()).isEqualTo(202);
        return envelope.get("eventId").asText();
    }

    private static String recorded(String partner, String eventId) {
        return "{\"partner\":\"" + partner + "\",\"eventId\":\"" + eventId + "\",\"status\":\"recorded\",\"at\":\""
                + OffsetDateTime.now(ZoneOffset.UTC) + "\"}";
    }

    /** Always partition 0, so tests can rely on the listener seeing their messages in order. */
    private void sendStatus(String partner, String eventId, String json) {
        try {
            kafka.send(new ProducerRecord<>(Topics.EVENT_STATUS, 0, partner + ":" + eventId,
                    json.getBytes(StandardCharsets.UTF_8))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitStatus(String token, String eventId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(get(token, "/api/v1/events/" + eventId).body().path("status").asText()).isEqualTo(status));
    }
}
