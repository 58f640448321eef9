package nl.menscentraal.dossier.timeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.dossier.view.Visibility;

import java.time.OffsetDateTime;

/**
 * One timeline entry as a reader gets it: a {@code presence} entry carries only {@code eventId}, {@code partner},
 * {@code domain}, {@code occurredAt} and {@code visibility}. One type for every timeline the platform answers (the
 * live one and an auditor's rebuild as of an earlier instant), so their shapes cannot drift apart.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(String eventId, String partner, String domain, OffsetDateTime occurredAt,
                            String visibility, String type, JsonNode payload, JsonNode professional) {

    public static TimelineEntry of(TimelineRow row, Visibility visibility) {
        return visibility == Visibility.FULL
                ? new TimelineEntry(row.eventId().toString(), row.partner(), row.domain(), row.occurredAt(),
                visibility.code(), row.type(), row.payload(), row.professional())
                : new TimelineEntry(row.eventId().toString(), row.partner(), row.domain(), row.occurredAt(),
                visibility.code(), null, null, null);
    }
}
