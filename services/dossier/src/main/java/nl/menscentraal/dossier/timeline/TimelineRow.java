package nl.menscentraal.dossier.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.events.Sensitivity;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One fact as stored for the timeline, before a view is applied. */
public record TimelineRow(UUID eventId, String partner, String type, String domain, Sensitivity sensitivity,
                          OffsetDateTime occurredAt, JsonNode payload, JsonNode professional) {
}
