package nl.menscentraal.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The wire format of {@link Envelope}: one JSON shape on REST and on Kafka. */
public final class EnvelopeJson {

    private static final ObjectMapper MAPPER = mapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private EnvelopeJson() {
    }

    /**
     * A new ObjectMapper configured for the wire format: ISO-8601 timestamps with offset, and offsets kept
     * as sent on read (a partner's {@code +01:00} stays {@code +01:00}, it is not moved to UTC).
     */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /** The envelope as wire JSON (bsn as a 9-digit string; receivedAt only when set). */
    public static JsonNode toJson(Envelope envelope) {
        ObjectNode json = NODES.objectNode();
        json.put("eventId", envelope.eventId().toString());
        json.put("type", envelope.type());
        json.put("schemaVersion", envelope.schemaVersion());
        json.put("partner", envelope.partner());
        json.put("bsn", envelope.bsn().value());
        json.put("occurredAt", format(envelope.occurredAt()));
        if (envelope.receivedAt() != null) {
            json.put("receivedAt", format(envelope.receivedAt()));
        }
        Professional professional = envelope.professional();
        if (professional != null) {
            ObjectNode p = json.putObject("professional");
            putIfSet(p, "id", professional.id());
            putIfSet(p, "displayName", professional.displayName());
            putIfSet(p, "contact", professional.contact());
        }
        json.set("payload", envelope.payload() == null ? NODES.objectNode() : envelope.payload().deepCopy());
        return json;
    }

    public static byte[] toBytes(Envelope envelope) {
        return write(toJson(envelope));
    }

    /**
     * A SHA-256 hex fingerprint of the envelope's content: everything the partner sent, normalised
     * (key order, the BSN's leading zero, default schemaVersion), excluding platform timestamps such as
     * {@code receivedAt}. Same fingerprint = the same event sent again; other fingerprint under the same
     * eventId = a conflict.
     */
    public static String fingerprint(Envelope envelope) {
        ObjectNode json = (ObjectNode) toJson(envelope);
        json.remove("receivedAt");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(write(sorted(json)));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** A copy with object keys sorted at every depth; array order is content and stays. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = NODES.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            var copy = NODES.arrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }

    // Not OffsetDateTime.toString(): that drops zero seconds (10:00 instead of 10:00:00).
    private static String format(OffsetDateTime at) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at);
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static byte[] write(JsonNode json) {
        try {
            return MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }
}
