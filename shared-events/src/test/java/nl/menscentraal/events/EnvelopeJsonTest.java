package nl.menscentraal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EnvelopeJsonTest {

    static final ObjectMapper JSON = EnvelopeJson.mapper();
    static final EnvelopeValidator VALIDATOR = new EnvelopeValidator(Catalogue.load(),
            Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));

    static final String SENT = """
            {"eventId": "6f1c2a4e-8b3d-4c5e-9f7a-0b1c2d3e4f50",
             "type": "schuldhulp.betalingsachterstand-gesignaleerd", "partner": "schuldhulp",
             "bsn": "999993653", "occurredAt": "2015-10-01T09:00:00+02:00",
             "professional": {"id": "shv-3", "displayName": "A. Bakker"},
             "payload": {"schuldeiser": "energie", "bedrag": 640, "bron": {"leverancier": "X", "kenmerk": [2, 1]}}}""";

    @Nested
    class The_wire_shape {

        @Test
        void has_the_fields_of_the_contract_in_order() {
            JsonNode json = EnvelopeJson.toJson(envelope(SENT));

            assertThat(json.fieldNames()).toIterable().containsExactly(
                    "eventId", "type", "schemaVersion", "partner", "bsn", "occurredAt", "professional", "payload");
            assertThat(json.get("schemaVersion").intValue()).isEqualTo(1);
            assertThat(json.get("occurredAt").asText()).isEqualTo("2015-10-01T09:00:00+02:00");
        }

        @Test
        void writes_the_bsn_as_a_nine_digit_string() {
            JsonNode json = EnvelopeJson.toJson(envelope(change(SENT, e -> e.put("bsn", 12345672))));

            assertThat(json.get("bsn").isTextual()).isTrue();
            assertThat(json.get("bsn").asText()).isEqualTo("012345672");
        }

        @Test
        void writes_received_at_only_when_set() {
            Envelope envelope = envelope(SENT);
            OffsetDateTime received = OffsetDateTime.parse("2026-06-01T12:00:00.5Z");

            assertThat(EnvelopeJson.toJson(envelope).has("receivedAt")).isFalse();
            assertThat(EnvelopeJson.toJson(envelope.withReceivedAt(received)).get("receivedAt").asText())
                    .isEqualTo("2026-06-01T12:00:00.5Z");
        }

        @Test
        void writes_only_the_professional_fields_that_are_set() {
            JsonNode json = EnvelopeJson.toJson(envelope(SENT));
            JsonNode without = EnvelopeJson.toJson(envelope(change(SENT, e -> e.remove("professional"))));

            assertThat(json.get("professional").fieldNames()).toIterable().containsExactly("id", "displayName");
            assertThat(without.has("professional")).isFalse();
        }
    }

    @Nested
    class A_round_trip {

        @Test
        void through_json_gives_the_same_envelope() {
            Envelope envelope = envelope(SENT).withReceivedAt(OffsetDateTime.parse("2026-06-01T14:00:00+02:00"));

            assertThat(validated(EnvelopeJson.toJson(envelope))).isEqualTo(envelope);
        }

        @Test
        void through_bytes_gives_the_same_envelope() throws Exception {
            Envelope envelope = envelope(SENT);

            assertThat(validated(JSON.readTree(EnvelopeJson.toBytes(envelope)))).isEqualTo(envelope);
        }
    }

    @Nested
    class The_mapper {

        @Test
        void writes_dates_as_iso_strings() throws Exception {
            assertThat(JSON.writeValueAsString(OffsetDateTime.parse("2016-03-02T10:00:00+01:00")))
                    .isEqualTo("\"2016-03-02T10:00:00+01:00\"");
        }

        @Test
        void keeps_the_offset_on_read() throws Exception {
            OffsetDateTime read = JSON.readValue("\"2016-03-02T10:00:00+01:00\"", OffsetDateTime.class);

            assertThat(read.getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        }
    }

    @Nested
    class The_fingerprint {

        @Test
        void is_a_sha256_hex_string() {
            assertThat(EnvelopeJson.fingerprint(envelope(SENT))).matches("[0-9a-f]{64}");
        }

        @Test
        void is_the_same_for_the_same_content_in_another_form() {
            String reordered = """
                    {"payload": {"bron": {"kenmerk": [2, 1], "leverancier": "X"}, "bedrag": 640, "schuldeiser": "energie"},
                     "professional": {"displayName": "A. Bakker", "id": "shv-3"}, "schemaVersion": 1,
                     "occurredAt": "2015-10-01T09:00:00+02:00", "bsn": 999993653, "partner": "schuldhulp",
                     "type": "schuldhulp.betalingsachterstand-gesignaleerd", "eventId": "6F1C2A4E-8B3D-4C5E-9F7A-0B1C2D3E4F50"}""";

            assertThat(EnvelopeJson.fingerprint(envelope(reordered))).isEqualTo(EnvelopeJson.fingerprint(envelope(SENT)));
        }

        @Test
        void is_the_same_for_an_eight_digit_bsn_and_its_nine_digit_form() {
            assertThat(EnvelopeJson.fingerprint(envelope(change(SENT, e -> e.put("bsn", "12345672")))))
                    .isEqualTo(EnvelopeJson.fingerprint(envelope(change(SENT, e -> e.put("bsn", "012345672")))));
        }

        @Test
        void ignores_when_the_platform_received_the_event() {
            Envelope envelope = envelope(SENT);

            assertThat(EnvelopeJson.fingerprint(envelope.withReceivedAt(OffsetDateTime.parse("2026-06-01T12:00:00Z"))))
                    .isEqualTo(EnvelopeJson.fingerprint(envelope));
        }

        static Stream<Arguments> changes() {
            return Stream.of(
                    arguments("a payload value", (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("payload")).put("bedrag", 641)),
                    arguments("a nested payload value", (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("payload").get("bron")).put("leverancier", "Y")),
                    arguments("the order of a payload list", (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("payload").get("bron")).putArray("kenmerk").add(1).add(2)),
                    arguments("an extra payload field", (Consumer<ObjectNode>) e -> ((ObjectNode) e.get("payload")).put("dagenAchterstand", 30)),
                    arguments("the bsn", (Consumer<ObjectNode>) e -> e.put("bsn", "999996708")),
                    arguments("occurredAt", (Consumer<ObjectNode>) e -> e.put("occurredAt", "2015-10-01T09:00:01+02:00")),
                    arguments("the event id", (Consumer<ObjectNode>) e -> e.put("eventId", "6f1c2a4e-8b3d-4c5e-9f7a-0b1c2d3e4f51")),
                    arguments("the professional", (Consumer<ObjectNode>) e -> e.remove("professional")));
        }

        @ParameterizedTest(name = "changes with {0}")
        @MethodSource("changes")
        void changes_with_the_content(String what, Consumer<ObjectNode> change) {
            assertThat(EnvelopeJson.fingerprint(envelope(change(SENT, change))))
                    .isNotEqualTo(EnvelopeJson.fingerprint(envelope(SENT)));
        }
    }

    static String change(String json, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(json);
            change.accept(node);
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Envelope envelope(String json) {
        try {
            return validated(JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Envelope validated(JsonNode json) {
        ValidationResult result = VALIDATOR.validate(json);
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        return ((ValidationResult.Valid) result).envelope();
    }

    @Test
    void never_shows_the_bsn_through_the_envelope_string() {
        assertThat(List.of(envelope(SENT)).toString()).doesNotContain("999993653");
    }
}
