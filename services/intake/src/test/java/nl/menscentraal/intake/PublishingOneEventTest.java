package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.EnvelopeValidator;
import nl.menscentraal.events.ValidationResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static java.time.temporal.ChronoUnit.SECONDS;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublishingOneEventTest extends IntakeIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    EnvelopeValidator validator;

    @Nested
    class A_valid_envelope {

        @Test
        void is_accepted_and_lands_on_the_partner_events_topic_keyed_by_bsn_with_partner_and_receivedAt_set() {
            String bsn = Bsns.random();
            ObjectNode envelope = Envelopes.uitkeringAangevraagd(bsn);

            Answer answer = publish(WERK_INKOMEN, envelope);

            assertThat(answer.status()).isEqualTo(202);
            assertThat(answer.body().path("eventId").asText()).isEqualTo(envelope.get("eventId").asText());
            assertThat(answer.body().path("status").asText()).isEqualTo("accepted");

            ConsumerRecord<String, byte[]> record = partnerEventsKeyed(bsn, 1).get(0);
            JsonNode onKafka = read(record.value());
            assertThat(onKafka.path("eventId").asText()).isEqualTo(envelope.get("eventId").asText());
            assertThat(onKafka.path("partner").asText()).isEqualTo("werk-inkomen");
            assertThat(onKafka.path("bsn").asText()).isEqualTo(bsn);
            assertThat(onKafka.path("payload").path("regeling").asText()).isEqualTo("daklozenuitkering");
            assertThat(OffsetDateTime.parse(onKafka.path("receivedAt").asText()))
                    .isCloseTo(OffsetDateTime.now(ZoneOffset.UTC), within(30, SECONDS));
        }

        @Test
        void with_an_eight_digit_bsn_is_keyed_by_the_nine_digit_form() {
            String bsn = randomBsnWithLeadingZero();
            ObjectNode envelope = Envelopes.uitkeringAangevraagd(bsn.substring(1));

            assertThat(publish(WERK_INKOMEN, envelope).status()).isEqualTo(202);

            assertThat(read(partnerEventsKeyed(bsn, 1).get(0).value()).path("bsn").asText()).isEqualTo(bsn);
        }

        @Test
        void is_durably_recorded_as_accepted_in_postgresql_with_its_fingerprint() {
            ObjectNode envelope = Envelopes.uitkeringAangevraagd();
            publish(WERK_INKOMEN, envelope);

            Map<String, Object> row = jdbc.queryForMap(
                    "select status, fingerprint, received_at from intake_event where partner = ? and event_id = ?",
                    "werk-inkomen", UUID.fromString(envelope.get("eventId").asText()));

            assertThat(row.get("status")).isEqualTo("accepted");
            assertThat((String) row.get("fingerprint")).hasSize(64);
            assertThat(row.get("received_at")).isNotNull();
        }

        @Test
        void that_names_its_own_partner_is_accepted() {
            ObjectNode envelope = Envelopes.uitkeringAangevraagd().put("partner", "werk-inkomen");

            assertThat(publish(WERK_INKOMEN, envelope).status()).isEqualTo(202);
        }

        @Test
        void from_a_regisseur_is_published_as_partner_regie() {
            String bsn = Bsns.random();

            assertThat(publish(REGISSEUR, Envelopes.regisseurToegewezen(bsn)).status()).isEqualTo(202);

            assertThat(read(partnerEventsKeyed(bsn, 1).get(0).value()).path("partner").asText()).isEqualTo("regie");
        }

        @Test
        void is_counted_by_partner_type_and_outcome_without_any_bsn_in_the_tags() {
            double before = acceptedCount();

            publish(WERK_INKOMEN, Envelopes.uitkeringAangevraagd());

            assertThat(acceptedCount()).isEqualTo(before + 1);
        }

        private double acceptedCount() {
            Counter counter = meters.find(IntakeMetrics.EVENTS)
                    .tags("partner", "werk-inkomen", "type", "werk-inkomen.uitkering-aangevraagd", "outcome", "accepted")
                    .counter();
            return counter == null ? 0 : counter.count();
        }

        private String randomBsnWithLeadingZero() {
            String bsn;
            do {
                bsn = Bsns.random();
            } while (bsn.charAt(0) != '0');
            return bsn;
        }
    }

    @Nested
    class The_same_eventId_again {

        @Test
        void with_the_same_content_is_a_duplicate_and_not_published_twice() {
            String bsn = Bsns.random();
            ObjectNode envelope = Envelopes.uitkeringAangevraagd(bsn);
            assertThat(publish(WERK_INKOMEN, envelope).status()).isEqualTo(202);

            Answer again = publish(WERK_INKOMEN, envelope);

            assertThat(again.status()).isEqualTo(200);
            assertThat(again.body().path("status").asText()).isEqualTo("duplicate");
            assertThat(again.body().path("eventId").asText()).isEqualTo(envelope.get("eventId").asText());
            // Publish a marker for the same client afterwards: once it is there, a second copy would be too.
            publish(WERK_INKOMEN, Envelopes.uitkeringAangevraagd(bsn));
            assertThat(partnerEventsKeyed(bsn, 2))
                    .extracting(r -> read(r.value()).path("eventId").asText())
                    .containsOnlyOnce(envelope.get("eventId").asText());
        }

        @Test
        void with_the_same_content_in_another_key_order_and_an_eight_digit_bsn_is_still_a_duplicate() {
            String bsn = Bsns.random();
            while (bsn.charAt(0) != '0') {
                bsn = Bsns.random();
            }
            ObjectNode envelope = Envelopes.uitkeringAangevraagd(bsn);
            publish(WERK_INKOMEN, envelope);
            ObjectNode reordered = JSON.createObjectNode();
            reordered.set("payload", envelope.get("payload"));
            reordered.put("bsn", bsn.substring(1));
            reordered.set("occurredAt", envelope.get("occurredAt"));
            reordered.set("professional", envelope.get("professional"));
            reordered.set("type", envelope.get("type"));
            reordered.set("eventId", envelope.get("eventId"));

            assertThat(publish(WERK_INKOMEN, reordered).status()).isEqualTo(200);
        }

        @Test
        void with_other_content_is_a_conflict_and_the_first_version_stands() {
            ObjectNode envelope = Envelopes.uitkeringAangevraagd();
            publish(WERK_INKOMEN, envelope);
            ObjectNode changed = envelope.deepCopy();
            ((ObjectNode) changed.get("payload")).put("regeling", "bijstand");

            Answer answer = publish(WERK_INKOMEN, changed);

            assertThat(answer.status()).isEqualTo(409);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.body().path("status").asInt()).isEqualTo(409);
            assertThat(publish(WERK_INKOMEN, envelope).status()).isEqualTo(200);
        }

        @Test
        void from_another_partner_is_that_partners_own_event() {
            String bsn = Bsns.random();
            ObjectNode envelope = Envelopes.uitkeringAangevraagd(bsn);
            publish(WERK_INKOMEN, envelope);
            ObjectNode sameIdOtherPartner = Envelopes.ontruimingAangezegd(bsn).put("eventId", envelope.get("eventId").asText());

            assertThat(publish(SCHULDHULP, sameIdOtherPartner).status()).isEqualTo(202);
        }

        @Test
        void whose_first_attempt_never_got_kafkas_acknowledgement_is_sent_again_and_accepted() {
            String bsn = Bsns.random();
            ObjectNode envelope = Envelopes.uitkeringAangevraagd(bsn);
            publish(WERK_INKOMEN, envelope);
            // As if the process died between claiming the eventId and Kafka's acknowledgement.
            jdbc.update("update intake_event set status = 'pending' where partner = ? and event_id = ?",
                    "werk-inkomen", UUID.fromString(envelope.get("eventId").asText()));

            Answer retry = publish(WERK_INKOMEN, envelope);

            assertThat(retry.status()).isEqualTo(202);
            assertThat(partnerEventsKeyed(bsn, 2)).extracting(r -> read(r.value()))
                    .allSatisfy(json -> assertThat(json.path("eventId").asText()).isEqualTo(envelope.get("eventId").asText()))
                    // The re-sent record is the first one exactly, receivedAt included.
                    .extracting(json -> json.path("receivedAt").asText()).containsOnly(
                            read(partnerEventsKeyed(bsn, 1).get(0).value()).path("receivedAt").asText());
            assertThat(jdbc.queryForObject("select status from intake_event where partner = ? and event_id = ?",
                    String.class, "werk-inkomen", UUID.fromString(envelope.get("eventId").asText()))).isEqualTo("accepted");
        }
    }

    @Nested
    class An_invalid_envelope_is_refused_with_422_naming_the_field {

        @Test
        void when_the_bsn_fails_the_elfproef() {
            assertInvalid(Envelopes.uitkeringAangevraagd(Bsns.failingElfproef()), "bsn");
        }

        @Test
        void when_the_type_is_missing() {
            ObjectNode envelope = Envelopes.uitkeringAangevraagd();
            envelope.remove("type");
            assertInvalid(envelope, "type");
        }

        @Test
        void when_the_type_is_not_in_the_catalogue() {
            assertInvalid(Envelopes.uitkeringAangevraagd().put("type", "werk-inkomen.bestaat-niet"), "type");
        }

        @Test
        void when_occurredAt_is_more_than_five_minutes_in_the_future() {
            String future = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString();
            assertInvalid(Envelopes.uitkeringAangevraagd().put("occurredAt", future), "occurredAt");
        }

        @Test
        void when_occurredAt_has_no_offset() {
            assertInvalid(Envelopes.uitkeringAangevraagd().put("occurredAt", "2026-03-02T10:00:00"), "occurredAt");
        }

        @Test
        void when_a_required_payload_field_is_missing() {
            ObjectNode envelope = Envelopes.uitkeringAangevraagd();
            envelope.putObject("payload");
            assertInvalid(envelope, "payload.regeling");
        }

        @Test
        void when_the_eventId_is_not_a_uuid() {
            assertInvalid(Envelopes.uitkeringAangevraagd().put("eventId", "1-2-3-4-5"), "eventId");
        }

        @Test
        void naming_every_bad_field_at_once() {
            ObjectNode envelope = Envelopes.uitkeringAangevraagd(Bsns.failingElfproef())
                    .put("occurredAt", "yesterday");
            envelope.remove("eventId");
            envelope.putObject("payload");

            Answer answer = publish(WERK_INKOMEN, envelope);

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.errorFields()).containsExactlyInAnyOrder("eventId", "bsn", "occurredAt", "payload.regeling");
        }

        @Test
        void without_repeating_the_bsn_in_the_answer() {
            String bsn = Bsns.failingElfproef();

            Answer answer = publish(WERK_INKOMEN, Envelopes.uitkeringAangevraagd(bsn).put("occurredAt", "x"));

            assertThat(answer.body().toString()).doesNotContain(bsn);
        }

        private void assertInvalid(ObjectNode envelope, String field) {
            Answer answer = publish(WERK_INKOMEN, envelope);

            assertThat(answer.status()).isEqualTo(422);
            assertThat(answer.isProblem()).isTrue();
            assertThat(answer.errorFields()).containsExactly(field);
            assertThat(answer.body().path("errors").get(0).path("message").asText()).isNotBlank();
        }
    }

    @Nested
    class A_body_that_is_not_an_envelope {

        @Test
        void is_refused_with_400_when_it_is_not_json() {
            Answer answer = publish(WERK_INKOMEN, "{\"eventId\": ");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.isProblem()).isTrue();
        }

        @Test
        void is_refused_with_400_when_it_is_json_but_not_an_object() {
            assertThat(publish(WERK_INKOMEN, "[1, 2, 3]").status()).isEqualTo(400);
        }

        @Test
        void is_refused_with_400_when_it_is_empty() {
            assertThat(publish(WERK_INKOMEN, "").status()).isEqualTo(400);
        }

        @Test
        void is_refused_with_400_when_a_field_is_repeated() {
            String bsn = Bsns.random();
            String json = Envelopes.uitkeringAangevraagd(bsn).toString().replaceFirst("\\{", "{\"bsn\":\"" + bsn + "\",");

            assertThat(publish(WERK_INKOMEN, json).status()).isEqualTo(400);
        }

        @Test
        void is_refused_with_400_without_echoing_the_body() {
            String bsn = Bsns.random();

            Answer answer = publish(WERK_INKOMEN, "{\"bsn\": \"" + bsn + "\", oops}");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.body().toString()).doesNotContain(bsn);
        }

        @Test
        void is_refused_with_413_when_larger_than_64_KiB() {
            ObjectNode envelope = Envelopes.uitkeringAangevraagd();
            ((ObjectNode) envelope.get("payload")).put("toelichting", "x".repeat(64 * 1024));

            Answer answer = publish(WERK_INKOMEN, envelope);

            assertThat(answer.status()).isEqualTo(413);
            assertThat(answer.isProblem()).isTrue();
        }
    }

    @Nested
    class Authorisation {

        @Test
        void without_a_token_is_refused_with_401_problem() {
            Answer answer = publish(null, Envelopes.uitkeringAangevraagd());

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
        }

        @Test
        void with_an_unknown_token_is_refused_with_401_problem() {
            Answer answer = publish("dev-nobody", Envelopes.uitkeringAangevraagd());

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.isProblem()).isTrue();
        }

        @Test
        void refuses_another_partners_type_with_403() {
            Answer answer = publish(WERK_INKOMEN, Envelopes.ontruimingAangezegd(Bsns.random()));

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }

        @Test
        void refuses_a_partner_field_that_is_not_the_callers_organisation_with_403() {
            Answer answer = publish(WERK_INKOMEN, Envelopes.uitkeringAangevraagd().put("partner", "ggz"));

            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.isProblem()).isTrue();
        }

        @Test
        void refuses_an_auditor_with_403() {
            assertThat(publish(AUDITOR, Envelopes.uitkeringAangevraagd()).status()).isEqualTo(403);
        }

        @Test
        void refuses_a_regisseur_publishing_a_partners_type_with_403() {
            assertThat(publish(REGISSEUR, Envelopes.uitkeringAangevraagd()).status()).isEqualTo(403);
        }

        @Test
        void puts_nothing_on_kafka_for_a_refused_envelope() {
            String bsn = Bsns.random();
            publish(WERK_INKOMEN, Envelopes.ontruimingAangezegd(bsn));
            ObjectNode marker = Envelopes.uitkeringAangevraagd(bsn);
            publish(WERK_INKOMEN, marker);

            assertThat(partnerEventsKeyed(bsn, 1)).extracting(r -> read(r.value()).path("type").asText())
                    .containsExactly("werk-inkomen.uitkering-aangevraagd");
        }
    }

    @Test
    void a_receivedAt_sent_by_the_partner_is_replaced_by_the_platforms() {
        String bsn = Bsns.random();
        ObjectNode envelope = Envelopes.uitkeringAangevraagd(bsn).put("receivedAt", "not even a date");

        assertThat(publish(WERK_INKOMEN, envelope).status()).isEqualTo(202);

        assertThat(OffsetDateTime.parse(read(partnerEventsKeyed(bsn, 1).get(0).value()).path("receivedAt").asText()))
                .isCloseTo(OffsetDateTime.now(ZoneOffset.UTC), within(30, SECONDS));
    }

    @Test
    void the_stored_fingerprint_is_the_envelope_json_fingerprint_the_dossier_reports_too() {
        ObjectNode envelope = Envelopes.uitkeringAangevraagd();
        publish(WERK_INKOMEN, envelope);
        var valid = (ValidationResult.Valid) validator.validate(envelope.deepCopy().put("partner", "werk-inkomen"));

        String stored = jdbc.queryForObject("select fingerprint from intake_event where partner = ? and event_id = ?",
                String.class, "werk-inkomen", UUID.fromString(envelope.get("eventId").asText()));

        assertThat(stored).isEqualTo(EnvelopeJson.fingerprint(valid.envelope()));
    }
}
