package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The dossier's word on what became of a partner event, read from {@code Topics.EVENT_STATUS}
 * ({@code mens-centraal.event-status.v1}). Key: {@code partner + ":" + eventId}. Value, JSON:
 *
 * <pre>{@code
 * {
 *   "partner": "werk-inkomen",                          // required, the publishing partner
 *   "eventId": "3f2b8c1e-6d4a-4f7e-9a0b-1c2d3e4f5a6b",  // required
 *   "status": "recorded",                               // required: "recorded" | "rejected"
 *   "reason": "payload.regeling is required",           // optional, why it was rejected; never a BSN or payload value
 *   "fingerprint": "9c1f…",                             // optional, EnvelopeJson.fingerprint of the envelope
 *   "at": "2026-03-02T10:00:01.123Z"                    // required, ISO-8601 with offset: when the dossier decided
 * }
 * }</pre>
 *
 * The dossier keeps its own copy of this shape; this is the intake's reading of it (tolerant: unknown
 * fields are ignored).
 */
record EventStatusMessage(String partner, UUID eventId, IntakeStatus status, String reason, String fingerprint,
                          OffsetDateTime at) {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Set<String> FINAL = Set.of("recorded", "rejected");

    /** Parses a record value; empty when it is not a well-formed status message. */
    static Optional<EventStatusMessage> parse(ObjectMapper mapper, byte[] value) {
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        JsonNode json;
        try {
            json = mapper.readTree(value);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (json == null || !json.isObject()) {
            return Optional.empty();
        }
        String partner = text(json, "partner");
        String eventId = text(json, "eventId");
        String status = text(json, "status");
        String at = text(json, "at");
        JsonNode reason = json.get("reason");
        JsonNode fingerprint = json.get("fingerprint");
        if (partner == null || partner.isBlank() || eventId == null || !UUID_TEXT.matcher(eventId).matches()
                || status == null || !FINAL.contains(status) || at == null
                || !optionalText(reason) || !optionalText(fingerprint)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EventStatusMessage(partner, UUID.fromString(eventId), IntakeStatus.fromCode(status),
                    isText(reason) ? reason.asText() : null, isText(fingerprint) ? fingerprint.asText() : null,
                    OffsetDateTime.parse(at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return isText(node) ? node.asText() : null;
    }

    private static boolean optionalText(JsonNode node) {
        return node == null || node.isNull() || node.isTextual();
    }

    private static boolean isText(JsonNode node) {
        return node != null && node.isTextual();
    }
}
