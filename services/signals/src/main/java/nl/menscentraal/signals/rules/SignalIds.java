package nl.menscentraal.signals.rules;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Signal ids are name-based (RFC 9562 version 5) on rule, subject and the first triggering event: evaluating the
 * same history again, on another instance or in a replay, names the same signal, so it is raised and delivered
 * once.
 */
public final class SignalIds {

    /** The namespace of Mens Centraal signal ids: a fixed random value; changing it would rename every signal. */
    private static final UUID NAMESPACE = UUID.fromString("5d1e4b8e-2f7a-5c1e-9b0a-6d3c2a1f4e70");

    private SignalIds() {
    }

    public static UUID of(String ruleId, String subjectId, UUID firstTriggeringEventId) {
        return v5(NAMESPACE, ruleId + '|' + subjectId + '|' + firstTriggeringEventId);
    }

    static UUID v5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
