package nl.menscentraal.dossier.chain.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;
import nl.menscentraal.events.Professional;
import nl.menscentraal.events.Sensitivity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner fact was accepted into the client's dossier, with the catalogue's classification of it as it
 * was when the fact was recorded (domain, sensitivity, effects), so history reads the same after the
 * catalogue changes.
 *
 * @param domain the life domain, or {@code null} (regie types)
 */
public record ChainEventRecorded(
        String dossierId,
        UUID eventId,
        String partner,
        String type,
        int schemaVersion,
        String bsn,
        OffsetDateTime occurredAt,
        OffsetDateTime receivedAt,
        Instant recordedAt,
        Professional professional,
        ObjectNode payload,
        String domain,
        Sensitivity sensitivity,
        Involvement involvement,
        ProblemEffect problem,
        String fingerprint) {
}
