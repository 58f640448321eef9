package nl.menscentraal.intake;

import java.util.Locale;

/** Where a partner event is, as stored in {@code intake_event.status}. */
enum IntakeStatus {
    /** Claimed by a request, Kafka has not (yet) acknowledged it; a retry with the same eventId re-sends. */
    PENDING,
    /** Durably on the partner-events topic. */
    ACCEPTED,
    /** The dossier recorded it (final). */
    RECORDED,
    /** The dossier refused it, with a reason (final). */
    REJECTED;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static IntakeStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
