package nl.menscentraal.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.menscentraal.events.FieldError;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The JSON shapes the intake answers with; field names are part of the contract ({@code api.md}). */
final class IntakeResponses {

    private IntakeResponses() {
    }

    static final String ACCEPTED = "accepted";
    static final String DUPLICATE = "duplicate";
    static final String REJECTED = "rejected";

    /** {@code 202 {"eventId","status":"accepted"}} or {@code 200 {"eventId","status":"duplicate"}}. */
    record Published(UUID eventId, String status) {
    }

    /** {@code 200 {"results":[...]}}, one result per submitted item, in request order. */
    record BatchPublished(List<ItemResult> results) {
    }

    /**
     * One batch item's outcome. {@code eventId} is always written, as {@code null} when the item had no
     * usable eventId, so a partner can line results up with its items; {@code errors} only for rejected.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemResult(@JsonInclude(JsonInclude.Include.ALWAYS) UUID eventId, String status, List<FieldError> errors) {

        static ItemResult accepted(UUID eventId) {
            return new ItemResult(eventId, ACCEPTED, null);
        }

        static ItemResult duplicate(UUID eventId) {
            return new ItemResult(eventId, DUPLICATE, null);
        }

        static ItemResult rejected(UUID eventId, List<FieldError> errors) {
            return new ItemResult(eventId, REJECTED, List.copyOf(errors));
        }
    }

    /**
     * {@code GET /api/v1/events/{eventId}}: {@code accepted}, {@code recorded} or {@code rejected} with
     * a reason. {@code receivedAt} is absent for events published straight to Kafka.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EventStatus(UUID eventId, String status, String reason, OffsetDateTime receivedAt,
                       OffsetDateTime updatedAt) {
    }
}
