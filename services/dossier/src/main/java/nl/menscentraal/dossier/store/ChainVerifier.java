package nl.menscentraal.dossier.store;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/**
 * Recomputes the hash chains of the event store and names the first link that does not hold: a changed row (its
 * hash no longer matches), a missing row (a gap in the sequence numbers), a row recorded before the chain existed.
 *
 * <p>What it cannot see: a stream whose tail was removed or rewritten with every later hash recomputed. That
 * needs the chains' heads kept outside the database (anchoring), which the platform does not do yet.
 */
public final class ChainVerifier {

    /** The first link that does not hold. */
    public record Break(String stream, long sequenceNumber, Long globalIndex, String eventId, String reason) {
    }

    /** @param verified the events whose link held, up to the break */
    public record Result(long verified, Break brokenAt) {
    }

    private static final String COLUMNS = "globalindex, aggregateidentifier, sequencenumber, eventidentifier, type, "
            + "timestamp, payloadtype, payloadrevision, payload, metadata, chainhash FROM domainevententry";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ChainVerifier(JdbcTemplate jdbc, TransactionTemplate readOnly) {
        this.jdbc = jdbc;
        this.readOnly = readOnly;
    }

    /** The given streams (a client's dossier and signals). */
    public Result verify(List<String> streams) {
        return run("SELECT " + COLUMNS + " WHERE aggregateidentifier = ANY (?) ORDER BY aggregateidentifier, sequencenumber",
                streams.toArray(String[]::new));
    }

    /** Every stream in the store, read in one pass with a cursor. */
    public Result verifyAll() {
        return run("SELECT " + COLUMNS + " WHERE aggregateidentifier IS NOT NULL ORDER BY aggregateidentifier, sequencenumber",
                null);
    }

    private Result run(String sql, String[] streams) {
        return readOnly.execute(status -> {
            Walk walk = new Walk();
            try {
                jdbc.query(connection -> {
                var statement = connection.prepareStatement(sql);
                // PostgreSQL streams with a cursor only inside a transaction and with a fetch size
                statement.setFetchSize(1000);
                if (streams != null) {
                    statement.setArray(1, connection.createArrayOf("varchar", streams));
                }
                return statement;
                }, walk);
            } catch (Broken stop) {
                // the first broken link is the answer: the rest of the store need not be read
            }
            return new Result(walk.verified, walk.brokenAt);
        });
    }

    /** Ends the walk at the first broken link. */
    private static final class Broken extends RuntimeException {
        Broken() {
            super(null, null, false, false);
        }
    }

    private static final class Walk implements RowCallbackHandler {
        private String stream;
        private long expected;
        private byte[] previous;
        private long verified;
        private Break brokenAt;

        @Override
        public void processRow(ResultSet rs) throws SQLException {
            if (brokenAt != null) {
                throw new Broken();
            }
            String rowStream = rs.getString("aggregateidentifier");
            long sequence = rs.getLong("sequencenumber");
            if (!rowStream.equals(stream)) {
                stream = rowStream;
                expected = 0;
                previous = ChainHash.GENESIS;
            }
            long globalIndex = rs.getLong("globalindex");
            String eventId = rs.getString("eventidentifier");
            if (sequence != expected) {
                brokenAt = new Break(stream, expected, null, null, "missing: the stream goes from sequence number "
                        + (expected - 1) + " to " + sequence);
                return;
            }
            byte[] stored = rs.getBytes("chainhash");
            if (stored == null) {
                brokenAt = new Break(stream, sequence, globalIndex, eventId, "not chained: recorded before the hash chain existed");
                return;
            }
            byte[] computed = ChainHash.of(previous, new ChainHash.Row(stream, sequence, eventId, rs.getString("type"),
                    rs.getString("timestamp"), rs.getString("payloadtype"), rs.getString("payloadrevision"),
                    rs.getBytes("payload"), rs.getBytes("metadata")));
            if (!Arrays.equals(computed, stored)) {
                brokenAt = new Break(stream, sequence, globalIndex, eventId,
                        "changed: the stored event no longer matches its hash");
                return;
            }
            previous = stored;
            expected = sequence + 1;
            verified++;
        }
    }
}
