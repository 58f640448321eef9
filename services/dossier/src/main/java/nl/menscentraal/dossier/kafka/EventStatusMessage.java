package nl.menscentraal.dossier.kafka;

import java.time.Instant;
import java.util.UUID;

/**
 * What became of a partner event, published on {@code mens-centraal.event-status.v1} (key
 * {@code partner:eventId}) for the intake's status endpoint. No BSN, no payload.
 *
 * @param status      {@code recorded} or {@code rejected}
 * @param reason      why it was rejected; {@code null} when recorded
 * @param fingerprint the content fingerprint, so the intake can tell a repeat from a conflict for events
 *                    that were published straight to Kafka
 */
record EventStatusMessage(String partner, UUID eventId, String status, String reason, String fingerprint, Instant at) {
}
