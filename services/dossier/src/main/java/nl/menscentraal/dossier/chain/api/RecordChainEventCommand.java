package nl.menscentraal.dossier.chain.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.events.Professional;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Record one validated partner fact in the client's dossier.
 *
 * @param dossierId   the keyed pseudonym of the client's BSN (never the BSN itself)
 * @param fingerprint the envelope's content fingerprint: the same eventId with another fingerprint is a conflict
 * @param recordedAt  when the platform records it (passed in: the domain never reads a clock)
 */
public record RecordChainEventCommand(
        @TargetAggregateIdentifier String dossierId,
        UUID eventId,
        String partner,
        String type,
        int schemaVersion,
        String bsn,
        OffsetDateTime occurredAt,
        OffsetDateTime receivedAt,
        Professional professional,
        ObjectNode payload,
        String fingerprint,
        Instant recordedAt) {
}
