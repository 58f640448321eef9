package nl.menscentraal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EnvelopeValidatorTest {

    static final ObjectMapper JSON = EnvelopeJson.mapper();
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final EnvelopeValidator VALIDATOR =
            new EnvelopeValidator(Catalogue.load(), Clock.fixed(NOW, ZoneOffset.UTC));

    static final String KENNY = "999996708";
    static final String MYRIAM = "999993653";
    static final String SON = "999990950";
    static final String EVENT_ID = "6f1c2a4e-8b3d-4c5e-9f7a-0b1c2d3e4f50";

    // ---------------------------------------------------------------- valid envelopes

    static Stream<Arguments> validEnvelopes() {
        return Stream.of(
                arguments("the minimal envelope", base()),
                arguments("an 8-digit BSN", with(base(), e -> e.put("bsn", "12345672"))),
                arguments("a BSN sent as a JSON number", with(base(), e -> e.put("bsn", 999996708))),
                arguments("an explicit schemaVersion 1", with(base(), e -> e.put("schemaVersion", 1))),
                arguments("occurredAt in UTC", with(base(), e -> e.put("occurredAt", "2016-03-02T09:30:00Z"))),
                arguments("occurredAt with fractions of a second", with(base(), e -> e.put("occurredAt", "2016-03-02T09:30:00.123456+01:00"))),
                arguments("occurredAt exactly 5 minutes ahead", with(base(), e -> e.put("occurredAt", "2026-06-01T14:05:00+02:00"))),
                arguments("a professional with only an id", with(base(), e -> e.putObject("professional").put("id", "mw-17"))),
                arguments("a full professional", with(base(), e -> e.putObject("professional")
                        .put("id", "mw-17").put("displayName", "J. de Vries").put("contact", "020-1234567"))),
                arguments("a receivedAt set by the intake", with(base(), e -> e.put("receivedAt", "2016-03-02T09:31:00Z"))),
                arguments("null optional fields", with(base(), e -> e.putNull("professional").putNull("schemaVersion").putNull("receivedAt"))),
                arguments("an unknown top-level field", with(base(), e -> e.put("comment", "ignored"))),
                arguments("a type without payload fields", envelope("ggz.aanmelding-ontvangen", "ggz", "{}")),
                arguments("a common type", envelope("jeugd.zrm-vastgesteld", "jeugd", "{\"leefgebied\": \"gezin-opvoeding\", \"score\": 3}")),
                arguments("unknown payload fields", envelope("schuldhulp.betalingsachterstand-gesignaleerd", "schuldhulp",
                        "{\"schuldeiser\": \"energie\", \"bedrag\": 640, \"kenmerk\": {\"intern\": 1}}")),
                arguments("a decimal amount", envelope("werk-inkomen.uitkering-toegekend", "werk-inkomen",
                        "{\"regeling\": \"bijstand\", \"bedragPerMaand\": 1234.56}")),
                arguments("an optional field sent as null", envelope("werk-inkomen.uitkering-toegekend", "werk-inkomen",
                        "{\"regeling\": \"bijstand\", \"bedragPerMaand\": null}")),
                arguments("a retroactive end", envelope("werk-inkomen.uitkering-beeindigd", "werk-inkomen",
                        "{\"reden\": \"fraude\", \"terugwerkendeKracht\": true}")),
                arguments("an eviction date", envelope("schuldhulp.ontruiming-aangezegd", "schuldhulp",
                        "{\"datumOntruiming\": \"2026-10-01\", \"huurachterstand\": 2300}")),
                arguments("a household including the event's own BSN", with(envelope("werk-inkomen.huishouden-vastgesteld", "werk-inkomen",
                        "{\"leden\": [\"" + MYRIAM + "\", \"" + SON + "\"]}"), e -> e.put("bsn", MYRIAM))),
                arguments("a case conference", envelope("regie.casusoverleg-gehouden", "regie",
                        "{\"deelnemers\": [\"wmo\", \"ggz\", \"regie\"]}")),
                arguments("a handover", envelope("regie.regisseur-overgedragen", "regie",
                        "{\"vanRegisseurId\": \"regisseur-1\", \"naarRegisseurId\": \"regisseur-2\", \"warmeOverdracht\": false}")),
                arguments("a consent to the regisseur", envelope("regie.toestemming-verleend", "regie", consent("regisseur"))),
                arguments("a consent to a partner", envelope("regie.toestemming-verleend", "regie", consent("schuldhulp"))),
                arguments("a plan", envelope("regie.plan-vastgesteld", "regie", """
                        {"doelen": [{"leefgebied": "werk-participatie", "doel": "Vrijwilligerswerk",
                                     "eigenaarPartner": "werk-inkomen", "streefdatum": "2016-09-01"}]}""")),
                arguments("a referral taken up", envelope("wmo.verwijzing-opgepakt", "wmo",
                        "{\"verwijzingEventId\": \"" + UUID.randomUUID() + "\"}")),
                arguments("an uppercase eventId", with(base(), e -> e.put("eventId", EVENT_ID.toUpperCase()))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validEnvelopes")
    void accepts(String description, ObjectNode json) {
        ValidationResult result = VALIDATOR.validate(json);

        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        Envelope envelope = ((ValidationResult.Valid) result).envelope();
        assertThat(envelope.type()).isEqualTo(json.get("type").asText());
        assertThat(envelope.partner()).isEqualTo(json.get("partner").asText());
        assertThat(envelope.bsn().value()).hasSize(9);
    }

    // ---------------------------------------------------------------- invalid envelopes

    static Stream<Arguments> invalidEnvelopes() {
        return Stream.of(
                invalid("eventId missing", with(base(), e -> e.remove("eventId")), "eventId"),
                invalid("eventId not a UUID", with(base(), e -> e.put("eventId", "event-1")), "eventId"),
                invalid("eventId in a shortened UUID form", with(base(), e -> e.put("eventId", "1-2-3-4-5")), "eventId"),
                invalid("eventId a number", with(base(), e -> e.put("eventId", 42)), "eventId"),
                invalid("type missing", with(base(), e -> e.remove("type")), "type"),
                invalid("type unknown", with(base(), e -> e.put("type", "werk-inkomen.lotto-gewonnen")), "type"),
                invalid("type of another partner", with(base(), e -> e.put("partner", "wmo")), "type"),
                invalid("common type under another partner's prefix", with(envelope("ggz.afspraak-niet-nagekomen", "ggz", "{}"),
                        e -> e.put("partner", "jeugd")), "type"),
                invalid("regie type from a partner", with(envelope("regie.regie-afgesloten", "regie", "{\"reden\": \"klaar\"}"),
                        e -> e.put("partner", "ggz")), "type"),
                invalid("partner missing", with(base(), e -> e.remove("partner")), "partner"),
                invalid("partner unknown", with(base(), e -> e.put("partner", "politie")), "partner"),
                invalid("schemaVersion above the supported one", with(base(), e -> e.put("schemaVersion", 2)), "schemaVersion"),
                invalid("schemaVersion 0", with(base(), e -> e.put("schemaVersion", 0)), "schemaVersion"),
                invalid("schemaVersion as a string", with(base(), e -> e.put("schemaVersion", "1")), "schemaVersion"),
                invalid("schemaVersion with a fraction", with(base(), e -> e.put("schemaVersion", 1.5)), "schemaVersion"),
                invalid("bsn missing", with(base(), e -> e.remove("bsn")), "bsn"),
                invalid("bsn with a wrong check digit", with(base(), e -> e.put("bsn", "999996707")), "bsn"),
                invalid("bsn 000000000", with(base(), e -> e.put("bsn", "000000000")), "bsn"),
                invalid("bsn with letters", with(base(), e -> e.put("bsn", "99999670a")), "bsn"),
                invalid("bsn of 10 digits", with(base(), e -> e.put("bsn", "9999967080")), "bsn"),
                invalid("bsn empty", with(base(), e -> e.put("bsn", "")), "bsn"),
                invalid("bsn a boolean", with(base(), e -> e.put("bsn", true)), "bsn"),
                invalid("occurredAt missing", with(base(), e -> e.remove("occurredAt")), "occurredAt"),
                invalid("occurredAt without offset", with(base(), e -> e.put("occurredAt", "2016-03-05T08:15:00")), "occurredAt"),
                invalid("occurredAt a date only", with(base(), e -> e.put("occurredAt", "2016-03-05")), "occurredAt"),
                invalid("occurredAt not a date", with(base(), e -> e.put("occurredAt", "yesterday")), "occurredAt"),
                invalid("occurredAt epoch millis", with(base(), e -> e.put("occurredAt", 1456909200000L)), "occurredAt"),
                invalid("occurredAt over 5 minutes ahead", with(base(), e -> e.put("occurredAt", "2026-06-01T14:05:01+02:00")), "occurredAt"),
                invalid("receivedAt without offset", with(base(), e -> e.put("receivedAt", "2016-03-05T08:16:00")), "receivedAt"),
                invalid("professional not an object", with(base(), e -> e.put("professional", "J. de Vries")), "professional"),
                invalid("professional without id", with(base(), e -> e.putObject("professional").put("displayName", "J. de Vries")), "professional.id"),
                invalid("professional with a blank id", with(base(), e -> e.putObject("professional").put("id", " ")), "professional.id"),
                invalid("professional with a numeric contact", with(base(), e -> e.putObject("professional").put("id", "mw-17").put("contact", 201234567)),
                        "professional.contact"),
                invalid("payload missing", with(base(), e -> e.remove("payload")), "payload"),
                invalid("payload an array", with(base(), e -> e.putArray("payload")), "payload"),
                invalid("required field missing", envelope("werk-inkomen.uitkering-aangevraagd", "werk-inkomen", "{}"), "payload.regeling"),
                invalid("required field null", envelope("werk-inkomen.uitkering-aangevraagd", "werk-inkomen", "{\"regeling\": null}"), "payload.regeling"),
                invalid("string blank", envelope("werk-inkomen.uitkering-aangevraagd", "werk-inkomen", "{\"regeling\": \"  \"}"), "payload.regeling"),
                invalid("string a number", envelope("werk-inkomen.uitkering-aangevraagd", "werk-inkomen", "{\"regeling\": 12}"), "payload.regeling"),
                invalid("enum value not in the list", envelope("werk-inkomen.uitkering-beeindigd", "werk-inkomen", "{\"reden\": \"ontslag\"}"), "payload.reden"),
                invalid("enum value in another case", envelope("wmo.opvang-toegelaten", "wmo", "{\"soort\": \"Nachtopvang\"}"), "payload.soort"),
                invalid("integer above max", envelope("werk-inkomen.participatietrede-vastgesteld", "werk-inkomen", "{\"trede\": 7}"), "payload.trede"),
                invalid("integer below min", envelope("werk-inkomen.participatietrede-vastgesteld", "werk-inkomen", "{\"trede\": 0}"), "payload.trede"),
                invalid("integer with a fraction", envelope("werk-inkomen.participatietrede-vastgesteld", "werk-inkomen", "{\"trede\": 2.5}"), "payload.trede"),
                invalid("integer as a string", envelope("werk-inkomen.participatietrede-vastgesteld", "werk-inkomen", "{\"trede\": \"3\"}"), "payload.trede"),
                invalid("ZRM score above 5", envelope("ggz.zrm-vastgesteld", "ggz", "{\"leefgebied\": \"verslaving\", \"score\": 6}"), "payload.score"),
                invalid("number negative", envelope("schuldhulp.betalingsachterstand-gesignaleerd", "schuldhulp",
                        "{\"schuldeiser\": \"huur\", \"bedrag\": -1}"), "payload.bedrag"),
                invalid("number as a string", envelope("schuldhulp.betalingsachterstand-gesignaleerd", "schuldhulp",
                        "{\"schuldeiser\": \"huur\", \"bedrag\": \"640\"}"), "payload.bedrag"),
                invalid("boolean as a string", envelope("schuldhulp.aanmelding-ontvangen", "schuldhulp", "{\"crisis\": \"ja\"}"), "payload.crisis"),
                invalid("date in Dutch order", envelope("schuldhulp.ontruiming-aangezegd", "schuldhulp",
                        "{\"datumOntruiming\": \"01-10-2026\"}"), "payload.datumOntruiming"),
                invalid("household empty", with(envelope("werk-inkomen.huishouden-vastgesteld", "werk-inkomen", "{\"leden\": []}"),
                        e -> e.put("bsn", MYRIAM)), "payload.leden"),
                invalid("household with an invalid BSN", with(envelope("werk-inkomen.huishouden-vastgesteld", "werk-inkomen",
                        "{\"leden\": [\"" + MYRIAM + "\", \"999990951\"]}"), e -> e.put("bsn", MYRIAM)), "payload.leden[1]"),
                invalid("household without the event's own BSN", with(envelope("werk-inkomen.huishouden-vastgesteld", "werk-inkomen",
                        "{\"leden\": [\"" + SON + "\"]}"), e -> e.put("bsn", MYRIAM)), "payload.leden"),
                invalid("case conference with an unknown partner", envelope("regie.casusoverleg-gehouden", "regie",
                        "{\"deelnemers\": [\"wmo\", \"politie\"]}"), "payload.deelnemers[1]"),
                invalid("consent for an unknown domain", envelope("regie.toestemming-verleend", "regie",
                        consent("regisseur").replace("psychische-gezondheid", "geluk")), "payload.leefgebieden[0]"),
                invalid("consent to an unknown recipient", envelope("regie.toestemming-verleend", "regie", consent("wethouder")),
                        "payload.ontvanger"),
                invalid("referral to an unknown partner", envelope("schuldhulp.verwijzing-verstuurd", "schuldhulp",
                        "{\"naarPartner\": \"bank\", \"leefgebied\": \"schulden\"}"), "payload.naarPartner"),
                invalid("referral taken up without a UUID", envelope("wmo.verwijzing-opgepakt", "wmo",
                        "{\"verwijzingEventId\": \"verwijzing-1\"}"), "payload.verwijzingEventId"),
                invalid("plan without goals", envelope("regie.plan-vastgesteld", "regie", "{\"doelen\": []}"), "payload.doelen"),
                invalid("plan goal not an object", envelope("regie.plan-vastgesteld", "regie", "{\"doelen\": [\"werk\"]}"), "payload.doelen[0]"),
                invalid("plan goal with bad parts", envelope("regie.plan-vastgesteld", "regie", """
                        {"doelen": [{"leefgebied": "werk-participatie", "doel": "Werk", "eigenaarPartner": "werk-inkomen", "streefdatum": "2016-09-01"},
                                    {"leefgebied": "geld", "eigenaarPartner": "werk-inkomen", "streefdatum": "september"}]}"""),
                        "payload.doelen[1].leefgebied", "payload.doelen[1].doel", "payload.doelen[1].streefdatum"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void refuses(String description, ObjectNode json, List<String> expectedFields) {
        List<FieldError> errors = errorsOf(json);

        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrderElementsOf(expectedFields);
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidEnvelopes")
    void never_repeats_a_submitted_value_in_a_message(String description, ObjectNode json, List<String> expectedFields) {
        List<String> submitted = textValues(json);

        assertThat(errorsOf(json)).extracting(FieldError::message)
                .allSatisfy(message -> assertThat(submitted).noneSatisfy(value -> assertThat(message).contains(value)));
    }

    @Nested
    class The_body {

        @Test
        void must_be_a_json_object() {
            for (JsonNode body : List.of(JsonNodeFactory.instance.arrayNode(), JsonNodeFactory.instance.textNode("{}"),
                    JsonNodeFactory.instance.nullNode())) {
                assertThat(errorsOf(body)).extracting(FieldError::field).containsExactly("$");
            }
            assertThat(errorsOf(null)).extracting(FieldError::field).containsExactly("$");
        }

        @Test
        void with_many_mistakes_gets_every_error_at_once() {
            ObjectNode json = parse("""
                    {"eventId": "x", "type": "werk-inkomen.participatietrede-vastgesteld", "partner": "ggz",
                     "schemaVersion": 9, "bsn": "999996707", "occurredAt": "2016-03-02T10:00:00",
                     "professional": {}, "receivedAt": "gisteren",
                     "payload": {"trede": 8, "extra": true}}""");

            assertThat(errorsOf(json)).extracting(FieldError::field).containsExactlyInAnyOrder(
                    "eventId", "type", "schemaVersion", "bsn", "occurredAt", "receivedAt", "professional.id", "payload.trede");
        }

        @Test
        void that_is_empty_reports_every_required_field() {
            assertThat(errorsOf(parse("{}"))).extracting(FieldError::field)
                    .containsExactlyInAnyOrder("eventId", "type", "partner", "bsn", "occurredAt", "payload");
        }
    }

    @Nested
    class A_valid_envelope {

        @Test
        void has_its_bsn_normalised_to_nine_digits() {
            assertThat(validate(with(base(), e -> e.put("bsn", "12345672"))).bsn().value()).isEqualTo("012345672");
        }

        @Test
        void has_schema_version_1_by_default() {
            assertThat(validate(base()).schemaVersion()).isEqualTo(1);
        }

        @Test
        void keeps_the_offset_of_occurred_at() {
            assertThat(validate(base()).occurredAt()).isEqualTo(OffsetDateTime.parse("2016-03-02T09:30:00+01:00"));
            assertThat(validate(base()).occurredAt().getOffset()).isEqualTo(ZoneOffset.ofHours(1));
        }

        @Test
        void keeps_every_field_as_sent() {
            ObjectNode json = with(base(), e -> e.put("receivedAt", "2016-03-02T09:31:00Z")
                    .putObject("professional").put("id", "mw-17").put("contact", "020-1234567"));
            Envelope envelope = validate(json);

            assertThat(envelope.eventId()).isEqualTo(UUID.fromString(EVENT_ID));
            assertThat(envelope.bsn()).isEqualTo(Bsn.parse(KENNY));
            assertThat(envelope.receivedAt()).isEqualTo(OffsetDateTime.parse("2016-03-02T09:31:00Z"));
            assertThat(envelope.professional()).isEqualTo(new Professional("mw-17", null, "020-1234567"));
        }

        @Test
        void keeps_unknown_payload_fields_untouched() {
            ObjectNode json = envelope("schuldhulp.betalingsachterstand-gesignaleerd", "schuldhulp",
                    "{\"schuldeiser\": \"energie\", \"bedrag\": 640.50, \"kenmerk\": {\"intern\": [1, \"a\"]}}");

            assertThat(validate(json).payload()).isEqualTo(json.get("payload"));
        }

        @Test
        void holds_a_copy_of_the_payload() {
            ObjectNode json = base();
            Envelope envelope = validate(json);
            ((ObjectNode) json.get("payload")).put("regeling", "ww");

            assertThat(envelope.payload().get("regeling").asText()).isEqualTo("daklozenuitkering");
        }

        @Test
        void has_payload_BSNs_normalised_too() {
            ObjectNode json = with(envelope("werk-inkomen.huishouden-vastgesteld", "werk-inkomen",
                    "{\"leden\": [\"12345672\", " + SON + "]}"), e -> e.put("bsn", "12345672"));

            assertThat(validate(json).payload().get("leden"))
                    .isEqualTo(parse("[\"012345672\", \"" + SON + "\"]"));
        }
    }

    @Nested
    class The_future_check {

        @Test
        void uses_the_injected_clock() {
            ObjectNode json = with(base(), e -> e.put("occurredAt", "2030-01-01T00:00:00Z"));
            EnvelopeValidator later = new EnvelopeValidator(Catalogue.load(),
                    Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC));

            assertThat(errorsOf(json)).extracting(FieldError::field).containsExactly("occurredAt");
            assertThat(later.validate(json)).isInstanceOf(ValidationResult.Valid.class);
        }

        @Test
        void compares_instants_not_local_times() {
            // 13:04 in +01:00 is 12:04Z: four minutes ahead of NOW, so accepted.
            assertThat(VALIDATOR.validate(with(base(), e -> e.put("occurredAt", "2026-06-01T13:04:00+01:00"))))
                    .isInstanceOf(ValidationResult.Valid.class);
        }
    }

    @Nested
    class Error_messages {

        @Test
        void never_contain_the_bsn() {
            List<String> bsns = List.of(KENNY, MYRIAM, SON, "999996707", "9999967080", "99999670a");
            List<ObjectNode> bodies = new ArrayList<>();
            bsns.forEach(bsn -> bodies.add(with(base(), e -> e.put("bsn", bsn).put("partner", "wmo").remove("eventId"))));
            bodies.add(with(envelope("werk-inkomen.huishouden-vastgesteld", "werk-inkomen",
                    "{\"leden\": [\"" + SON + "\", \"999996707\"]}"), e -> e.put("bsn", MYRIAM)));

            for (ObjectNode body : bodies) {
                assertThat(errorsOf(body)).isNotEmpty().extracting(FieldError::message).allSatisfy(message -> {
                    for (String bsn : bsns) {
                        assertThat(message).doesNotContain(bsn);
                    }
                });
            }
        }

        @Test
        void explain_a_missing_offset() {
            assertThat(errorsOf(with(base(), e -> e.put("occurredAt", "2016-03-02T10:00:00"))))
                    .singleElement().extracting(FieldError::message).asString().contains("no offset");
        }

        @Test
        void list_the_allowed_values_of_a_closed_list() {
            assertThat(errorsOf(envelope("wmo.opvang-toegelaten", "wmo", "{\"soort\": \"hotel\"}")))
                    .singleElement().extracting(FieldError::message).asString()
                    .contains("nachtopvang, crisisopvang, vrouwenopvang");
        }

        @Test
        void name_the_range_of_a_bounded_number() {
            assertThat(errorsOf(envelope("werk-inkomen.participatietrede-vastgesteld", "werk-inkomen", "{\"trede\": 9}")))
                    .singleElement().extracting(FieldError::message).isEqualTo("must be between 1 and 6");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Kenny's benefit application, valid against NOW. */
    static ObjectNode base() {
        return envelope("werk-inkomen.uitkering-aangevraagd", "werk-inkomen", "{\"regeling\": \"daklozenuitkering\"}");
    }

    static ObjectNode envelope(String type, String partner, String payload) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("eventId", EVENT_ID);
        json.put("type", type);
        json.put("partner", partner);
        json.put("bsn", KENNY);
        json.put("occurredAt", "2016-03-02T09:30:00+01:00");
        json.set("payload", parse(payload));
        return json;
    }

    static String consent(String recipient) {
        return """
                {"toestemmingId": "t-1", "leefgebieden": ["psychische-gezondheid"], "ontvanger": "%s",
                 "doel": "afstemming hulp", "geldigTot": "2017-01-01"}""".formatted(recipient);
    }

    static ObjectNode with(ObjectNode json, Consumer<ObjectNode> change) {
        change.accept(json);
        return json;
    }

    static Arguments invalid(String description, ObjectNode json, String... fields) {
        return arguments(description, json, List.of(fields));
    }

    static <T extends JsonNode> T parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            T node = (T) JSON.readTree(json);
            return node;
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Envelope validate(JsonNode json) {
        ValidationResult result = VALIDATOR.validate(json);
        assertThat(result).isInstanceOf(ValidationResult.Valid.class);
        return ((ValidationResult.Valid) result).envelope();
    }

    static List<FieldError> errorsOf(JsonNode json) {
        ValidationResult result = VALIDATOR.validate(json);
        assertThat(result).isInstanceOf(ValidationResult.Invalid.class);
        return ((ValidationResult.Invalid) result).errors();
    }

    /** Every string and number the partner sent, except type and partner ids (which messages never name either). */
    static List<String> textValues(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isContainerNode()) {
            node.forEach(child -> values.addAll(textValues(child)));
        } else if (node.isValueNode() && node.asText().length() >= 3 && !node.asText().equals("000000000")) {
            // 000000000 is excluded: Bsn.problemWith names it, and it is a placeholder, not someone's number.
            values.add(node.asText());
        }
        return values;
    }
}
