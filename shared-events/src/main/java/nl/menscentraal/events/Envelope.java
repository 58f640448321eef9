package nl.menscentraal.events;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A partner's fact about one client, as it travels on REST and Kafka (see {@code event-catalogue.md}).
 * Instances are only made by {@link EnvelopeValidator}, so a held envelope is always valid.
 *
 * @param schemaVersion the version the partner wrote (default 1)
 * @param receivedAt    set by the REST intake; {@code null} for records published straight to Kafka
 * @param professional  optional
 * @param payload       type-specific fields, unknown extra fields kept as sent
 */
public record Envelope(
        UUID eventId,
        String type,
        int schemaVersion,
        String partner,
        Bsn bsn,
        OffsetDateTime occurredAt,
        OffsetDateTime receivedAt,
        Professional professional,
        ObjectNode payload) {

    public Envelope withReceivedAt(OffsetDateTime at) {
        return new Envelope(eventId, type, schemaVersion, partner, bsn, occurredAt, at, professional, payload);
    }
}
