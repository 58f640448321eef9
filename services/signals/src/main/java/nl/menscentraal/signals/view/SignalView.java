package nl.menscentraal.signals.view;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The signal record: what the API returns and what Kafka, webhooks and live streams carry (signal-rules.md).
 *
 * @param subject {@code {"bsn": …}} or {@code {"household": [bsn, …]}}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignalView(UUID signalId, String ruleId, int ruleVersion, String severity, ObjectNode subject,
                         Instant raisedAt, List<UUID> basedOn, String explanation, List<String> routedTo,
                         String status, List<Step> history) {

    /** One step of the lifecycle. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(String status, Instant at, String principal, String organisation, String resolution,
                       String note) {
    }

    /** The record as it was when it reached {@code status}: deliveries describe the change they announce. */
    public SignalView asOf(String statusReached) {
        int upTo = history.size();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).status().equals(statusReached)) {
                upTo = i + 1;
                break;
            }
        }
        return new SignalView(signalId, ruleId, ruleVersion, severity, subject, raisedAt, basedOn, explanation,
                routedTo, statusReached, List.copyOf(history.subList(0, upTo)));
    }
}
