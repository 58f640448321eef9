package nl.menscentraal.dossier.chain.api;

/** What {@link RecordChainEventsCommand} did with one fact. */
public enum RecordOutcome {
    RECORDED,
    /** The same event (same eventId, same content) was recorded before: Kafka redelivered it, or a partner re-sent it. */
    DUPLICATE,
    /**
     * The partner reused an eventId for other content: nothing is recorded. An outcome rather than an
     * exception, so one conflicting fact does not fail the other facts recorded in the same transaction.
     */
    CONFLICT
}
