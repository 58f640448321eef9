package nl.menscentraal.dossier.store;

import nl.menscentraal.dossier.chain.api.DossierErased;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Axon's JDBC storage engine with two additions made in the appending transaction itself, so no row is ever
 * stored without them:
 * <ul>
 *     <li>the payload is encrypted with the data subject's key ({@link DataKeys}); reads decrypt it, and an event
 *     whose key was destroyed reads as {@link ErasedContent};</li>
 *     <li>each event's chain hash ({@link ChainHash}) over the previous event of its stream and the row as stored,
 *     in column {@code chainhash}.</li>
 * </ul>
 * A hash computed later, by a processor, would leave a window in which a row could be changed unseen.
 */
public class ProtectedEventStorageEngine extends JdbcEventStorageEngine {

    /** Content-free by design and readable after erasure: what happened and why, never to whom beyond the stream. */
    private static final Set<String> PLAIN_PAYLOADS = Set.of(DossierErased.class.getName());
    private static final byte[] NOTHING = "{}".getBytes(StandardCharsets.UTF_8);

    private final DataKeys keys;

    public ProtectedEventStorageEngine(JdbcEventStorageEngine.Builder builder, DataKeys keys) {
        super(builder);
        this.keys = keys;
    }

    @Override
    protected PreparedStatement appendEvents(Connection connection, List<? extends EventMessage<?>> events,
                                             Serializer serializer) throws SQLException {
        PreparedStatement statement = connection.prepareStatement("INSERT INTO " + schema().domainEventTable()
                + " (" + schema().domainEventFields() + ", chainhash) VALUES (?,?,?,?,?,?,?,?,?,?)");
        String stream = null;
        DataKeys.DataKey key = null;
        byte[] previous = null;
        for (EventMessage<?> message : events) {
            DomainEventMessage<?> event = (DomainEventMessage<?>) message;
            if (!event.getAggregateIdentifier().equals(stream)) {
                stream = event.getAggregateIdentifier();
                key = keys.forAppend(connection, DataKeys.subjectOf(stream));
                previous = previousHash(connection, stream, event.getSequenceNumber());
            }
            SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
            String payloadType = payload.getType().getName();
            byte[] stored = PLAIN_PAYLOADS.contains(payloadType)
                    ? payload.getData() : keys.encrypt(key, stream, event.getSequenceNumber(), payload.getData());
            String timestamp = DateTimeUtils.formatInstant(event.getTimestamp());
            ChainHash.Row row = new ChainHash.Row(stream, event.getSequenceNumber(), event.getIdentifier(),
                    event.getType(), timestamp, payloadType, payload.getType().getRevision(), stored,
                    metaData.getData());
            previous = ChainHash.of(previous, row);
            statement.setString(1, event.getIdentifier());
            statement.setString(2, stream);
            statement.setLong(3, event.getSequenceNumber());
            statement.setString(4, event.getType());
            statement.setString(5, timestamp);
            statement.setString(6, payloadType);
            statement.setString(7, payload.getType().getRevision());
            statement.setBytes(8, stored);
            statement.setBytes(9, metaData.getData());
            statement.setBytes(10, previous);
            statement.addBatch();
        }
        return statement;
    }

    /**
     * The hash of the event before this one in its stream. The aggregate was loaded up to that event, so it is
     * committed (or earlier in this transaction); a concurrent append of the same sequence number fails on the
     * unique key, and Axon retries it from the store.
     */
    private byte[] previousHash(Connection connection, String stream, long sequenceNumber) throws SQLException {
        if (sequenceNumber == 0) {
            return ChainHash.GENESIS;
        }
        try (PreparedStatement query = connection.prepareStatement("SELECT chainhash FROM " + schema().domainEventTable()
                + " WHERE " + schema().aggregateIdentifierColumn() + " = ? AND " + schema().sequenceNumberColumn() + " = ?")) {
            query.setString(1, stream);
            query.setLong(2, sequenceNumber - 1);
            try (ResultSet rs = query.executeQuery()) {
                // a stream recorded before the chain existed starts its chain afresh
                byte[] hash = rs.next() ? rs.getBytes(1) : null;
                return hash == null ? ChainHash.GENESIS : hash;
            }
        }
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        TrackedEventData<?> data = super.getTrackedEventData(resultSet, previousToken);
        return new TrackedDomainEventData<>(data.trackingToken(), readable((DomainEventData<?>) data));
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        return readable(super.getDomainEventData(resultSet));
    }

    private DomainEventData<byte[]> readable(DomainEventData<?> data) {
        String stream = data.getAggregateIdentifier();
        byte[] stored = (byte[]) data.getPayload().getData();
        if (stream == null) {
            return copy(data, data.getPayload().getType().getName(), data.getPayload().getType().getRevision(), stored);
        }
        Optional<byte[]> content = keys.decrypt(stream, data.getSequenceNumber(), stored);
        return content.isPresent()
                ? copy(data, data.getPayload().getType().getName(), data.getPayload().getType().getRevision(), content.get())
                : copy(data, ErasedContent.class.getName(), null, NOTHING);
    }

    private static DomainEventData<byte[]> copy(DomainEventData<?> data, String payloadType, String revision,
                                                byte[] payload) {
        return new GenericDomainEventEntry<>(data.getType(), data.getAggregateIdentifier(), data.getSequenceNumber(),
                data.getEventIdentifier(), data.getTimestamp(), payloadType, revision, payload,
                (byte[]) data.getMetaData().getData());
    }
}
