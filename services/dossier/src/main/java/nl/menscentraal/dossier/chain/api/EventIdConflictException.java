package nl.menscentraal.dossier.chain.api;

/**
 * The partner reused an eventId for other content. Its message names no client data, so it is safe to log
 * and to put in a dead-letter reason.
 */
public class EventIdConflictException extends RuntimeException {

    public EventIdConflictException() {
        super("eventId was already recorded for this partner with other content");
    }
}
