package nl.menscentraal.intake;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One row of {@code intake_event}. */
record StoredEvent(
        String partner,
        UUID eventId,
        String fingerprint,
        IntakeStatus status,
        String reason,
        OffsetDateTime receivedAt,
        OffsetDateTime updatedAt) {
}
