package nl.menscentraal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Checks an envelope against {@code event-catalogue.md} and returns <em>every</em> error at once.
 * Used by the REST intake and again by the dossier's Kafka consumer.
 *
 * <p>Error messages never repeat a submitted value, so they are safe in logs, problem responses and
 * dead-letter headers. Unknown top-level fields are ignored (tolerant reader); unknown payload fields
 * are kept.
 */
public final class EnvelopeValidator {

    /** Partners' clocks drift; a little future is tolerated, more means a wrong date or time zone. */
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private static final String DATE_TIME_EXAMPLE = "e.g. 2016-03-02T10:00:00+01:00";

    private final Catalogue catalogue;
    private final Clock clock;
    private final PayloadValidator payloads;

    public EnvelopeValidator(Catalogue catalogue, Clock clock) {
        this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.payloads = new PayloadValidator(catalogue);
    }

    /**
     * Validates one envelope as JSON. {@code partner} is required here (Kafka rules); the REST intake
     * fills it from the caller's credentials before calling this.
     */
    public ValidationResult validate(JsonNode envelope) {
        if (envelope == null || !envelope.isObject()) {
            return new ValidationResult.Invalid(List.of(new FieldError("$", "the envelope must be a JSON object")));
        }
        List<FieldError> errors = new ArrayList<>();
        UUID eventId = eventId(envelope.get("eventId"), errors);
        EventType type = type(envelope.get("type"), errors);
        String partner = partner(envelope.get("partner"), errors);
        if (type != null && partner != null && !type.partner().equals(partner)) {
            errors.add(new FieldError("type",
                    "is not a type of the publishing partner: a partner may only publish types under its own prefix"));
        }
        int schemaVersion = schemaVersion(envelope.get("schemaVersion"), type, errors);
        Bsn bsn = bsn(envelope.get("bsn"), errors);
        OffsetDateTime occurredAt = dateTime("occurredAt", envelope.get("occurredAt"), true, errors);
        if (occurredAt != null && occurredAt.toInstant().isAfter(clock.instant().plus(MAX_FUTURE))) {
            errors.add(new FieldError("occurredAt", "must not be more than 5 minutes in the future"));
        }
        OffsetDateTime receivedAt = dateTime("receivedAt", envelope.get("receivedAt"), false, errors);
        Professional professional = professional(envelope.get("professional"), errors);
        ObjectNode payload = payload(envelope.get("payload"), type, bsn, errors);

        if (!errors.isEmpty()) {
            return new ValidationResult.Invalid(errors);
        }
        return new ValidationResult.Valid(new Envelope(
                eventId, type.name(), schemaVersion, partner, bsn, occurredAt, receivedAt, professional, payload));
    }

    private static UUID eventId(JsonNode node, List<FieldError> errors) {
        if (missing(node)) {
            errors.add(new FieldError("eventId", "is required"));
            return null;
        }
        // UUID.fromString alone accepts shortened forms like 1-2-3-4-5; an idempotency key must be exact.
        if (!node.isTextual() || !PayloadValidator.isUuid(node.asText())) {
            errors.add(new FieldError("eventId", "must be a UUID string, e.g. 3f2b8c1e-6d4a-4f7e-9a0b-1c2d3e4f5a6b"));
            return null;
        }
        return UUID.fromString(node.asText());
    }

    private EventType type(JsonNode node, List<FieldError> errors) {
        if (missing(node)) {
            errors.add(new FieldError("type", "is required"));
            return null;
        }
        EventType type = node.isTextual() ? catalogue.type(node.asText()).orElse(null) : null;
        if (type == null) {
            errors.add(new FieldError("type", "is not a type of the event catalogue"));
        }
        return type;
    }

    private String partner(JsonNode node, List<FieldError> errors) {
        if (missing(node)) {
            errors.add(new FieldError("partner", "is required"));
            return null;
        }
        if (!node.isTextual() || !catalogue.isPartner(node.asText())) {
            errors.add(new FieldError("partner", "is not a partner of the event catalogue"));
            return null;
        }
        return node.asText();
    }

    private static int schemaVersion(JsonNode node, EventType type, List<FieldError> errors) {
        if (missing(node)) {
            return 1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            errors.add(new FieldError("schemaVersion", "must be a whole number"));
            return 1;
        }
        int version = node.intValue();
        if (version < 1) {
            errors.add(new FieldError("schemaVersion", "must be 1 or higher"));
        } else if (type != null && version > type.schemaVersion()) {
            // Upcasting covers older versions; a newer one means the partner is ahead of this platform.
            errors.add(new FieldError("schemaVersion",
                    "is newer than the newest version supported for this type (" + type.schemaVersion() + ")"));
        }
        return version;
    }

    private static Bsn bsn(JsonNode node, List<FieldError> errors) {
        if (missing(node)) {
            errors.add(new FieldError("bsn", "is required"));
            return null;
        }
        String digits = PayloadValidator.bsnText(node);
        if (digits == null) {
            errors.add(new FieldError("bsn", "must be a string of 9 digits"));
            return null;
        }
        var problem = Bsn.problemWith(digits);
        if (problem.isPresent()) {
            errors.add(new FieldError("bsn", problem.get()));
            return null;
        }
        return Bsn.parse(digits);
    }

    private static OffsetDateTime dateTime(String field, JsonNode node, boolean required, List<FieldError> errors) {
        if (missing(node)) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String text = node.isTextual() ? node.asText() : "";
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            // A local date-time is ambiguous across partners' zones and DST; say why it is refused.
            errors.add(new FieldError(field, isLocalDateTime(text)
                    ? "has no offset; add one, " + DATE_TIME_EXAMPLE + " or ...Z"
                    : "must be an ISO-8601 date-time with offset, " + DATE_TIME_EXAMPLE));
            return null;
        }
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Professional professional(JsonNode node, List<FieldError> errors) {
        if (missing(node)) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("professional", "must be an object with at least an id"));
            return null;
        }
        JsonNode id = node.get("id");
        if (missing(id)) {
            errors.add(new FieldError("professional.id", "is required"));
        } else if (!id.isTextual() || id.asText().isBlank()) {
            errors.add(new FieldError("professional.id", "must be a non-blank string"));
        }
        String displayName = optionalString("professional.displayName", node.get("displayName"), errors);
        String contact = optionalString("professional.contact", node.get("contact"), errors);
        return id != null && id.isTextual() ? new Professional(id.asText(), displayName, contact) : null;
    }

    private static String optionalString(String field, JsonNode node, List<FieldError> errors) {
        if (missing(node)) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(field, "must be a string"));
            return null;
        }
        return node.asText();
    }

    private ObjectNode payload(JsonNode node, EventType type, Bsn bsn, List<FieldError> errors) {
        if (missing(node)) {
            errors.add(new FieldError("payload", "is required; send {} for a type without payload fields"));
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("payload", "must be a JSON object"));
            return null;
        }
        // Without a known type there is nothing to check the fields against; the type error says why.
        return type == null ? ((ObjectNode) node).deepCopy() : payloads.validate(type, (ObjectNode) node, bsn, errors);
    }

    private static boolean missing(JsonNode node) {
        return node == null || node.isNull();
    }
}
