package nl.menscentraal.dossier.store;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash chain of one stream (a client's dossier, or its signals): each event's hash is SHA-256 over the
 * previous event's hash and everything stored about the event, as stored, so the chain verifies before and
 * after an erasure (the ciphertext does not change; the key is what goes). Fields are length-prefixed, so no two
 * different rows hash alike by moving bytes from one field to the next.
 */
public final class ChainHash {

    /** The "previous hash" of a stream's first event. */
    public static final byte[] GENESIS = new byte[32];

    private ChainHash() {
    }

    /** The stored columns of one event that its hash covers. */
    public record Row(String stream, long sequenceNumber, String eventId, String aggregateType, String timestamp,
                      String payloadType, String payloadRevision, byte[] payload, byte[] metadata) {
    }

    public static byte[] of(byte[] previous, Row row) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(row.payload().length + 256);
            DataOutputStream out = new DataOutputStream(bytes);
            write(out, previous);
            write(out, row.stream());
            out.writeLong(row.sequenceNumber());
            write(out, row.eventId());
            write(out, row.aggregateType());
            write(out, row.timestamp());
            write(out, row.payloadType());
            write(out, row.payloadRevision());
            write(out, row.payload());
            write(out, row.metadata());
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 over memory cannot fail", e);
        }
    }

    private static void write(DataOutputStream out, String value) throws IOException {
        write(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(DataOutputStream out, byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }
}
