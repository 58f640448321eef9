package nl.menscentraal.dossier.chain.api;

/** What {@link RecordChainEventCommand} did. */
public enum RecordOutcome {
    RECORDED,
    /** The same event (same eventId, same content) was recorded before: Kafka redelivered it, or a partner re-sent it. */
    DUPLICATE
}
