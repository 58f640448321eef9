package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.events.EnvelopeJson;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventStatusMessageTest {

    private static final ObjectMapper MAPPER = EnvelopeJson.mapper();
    private static final String EVENT_ID = "3f2b8c1e-6d4a-4f7e-9a0b-1c2d3e4f5a6b";

    @Test
    void reads_a_rejection_with_reason_and_fingerprint() {
        var message = parse("{\"partner\":\"wmo\",\"eventId\":\"" + EVENT_ID + "\",\"status\":\"rejected\","
                + "\"reason\":\"too late\",\"fingerprint\":\"ab12\",\"at\":\"2026-03-02T10:00:00+01:00\",\"extra\":1}");

        assertThat(message).contains(new EventStatusMessage("wmo", UUID.fromString(EVENT_ID), IntakeStatus.REJECTED,
                "too late", "ab12", OffsetDateTime.parse("2026-03-02T10:00:00+01:00")));
    }

    @Test
    void reads_a_recording_without_the_optional_fields() {
        assertThat(parse("{\"partner\":\"wmo\",\"eventId\":\"" + EVENT_ID + "\",\"status\":\"recorded\",\"at\":\"2026-03-02T09:00:00Z\"}"))
                .get().extracting(EventStatusMessage::status).isEqualTo(IntakeStatus.RECORDED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{\"eventId\":\"" + EVENT_ID + "\",\"status\":\"recorded\",\"at\":\"2026-03-02T09:00:00Z\"}",
            "{\"partner\":\"wmo\",\"eventId\":\"1-2-3-4-5\",\"status\":\"recorded\",\"at\":\"2026-03-02T09:00:00Z\"}",
            "{\"partner\":\"wmo\",\"eventId\":\"" + EVENT_ID + "\",\"status\":\"accepted\",\"at\":\"2026-03-02T09:00:00Z\"}",
            "{\"partner\":\"wmo\",\"eventId\":\"" + EVENT_ID + "\",\"status\":\"recorded\",\"at\":\"2026-03-02T09:00:00\"}",
            "{\"partner\":\"wmo\",\"eventId\":\"" + EVENT_ID + "\",\"status\":\"recorded\"}",
            "{\"partner\":\"wmo\",\"eventId\":\"" + EVENT_ID + "\",\"status\":\"rejected\",\"reason\":5,\"at\":\"2026-03-02T09:00:00Z\"}"})
    void refuses_a_malformed_message(String json) {
        assertThat(parse(json)).isEmpty();
    }

    private static java.util.Optional<EventStatusMessage> parse(String json) {
        return EventStatusMessage.parse(MAPPER, json.getBytes(StandardCharsets.UTF_8));
    }
}
