package nl.menscentraal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The wire format of {@link Envelope}: one JSON shape on REST and on Kafka. */
public final class EnvelopeJson {

    private EnvelopeJson() {
    }

    /** An ObjectMapper configured for the wire format (ISO-8601 timestamps with offset). */
    public static ObjectMapper mapper() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The envelope as wire JSON (bsn as a 9-digit string; receivedAt only when set). */
    public static JsonNode toJson(Envelope envelope) {
        throw new UnsupportedOperationException("TODO");
    }

    public static byte[] toBytes(Envelope envelope) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * A SHA-256 hex fingerprint of the envelope's content: everything the partner sent, normalised
     * (key order, the BSN's leading zero, default schemaVersion), excluding platform timestamps such as
     * {@code receivedAt}. Same fingerprint = the same event sent again; other fingerprint under the same
     * eventId = a conflict.
     */
    public static String fingerprint(Envelope envelope) {
        throw new UnsupportedOperationException("TODO");
    }
}
