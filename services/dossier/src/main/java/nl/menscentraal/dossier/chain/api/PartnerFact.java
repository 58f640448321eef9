package nl.menscentraal.dossier.chain.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.events.Professional;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One validated partner envelope, as the dossier receives it.
 *
 * @param fingerprint the envelope's content fingerprint: the same eventId with another fingerprint is a conflict
 * @param receivedAt  when the intake received it, or {@code null} when it was published straight to Kafka
 */
public record PartnerFact(
        UUID eventId,
        String partner,
        String type,
        int schemaVersion,
        String bsn,
        OffsetDateTime occurredAt,
        OffsetDateTime receivedAt,
        Professional professional,
        ObjectNode payload,
        String fingerprint) {
}
