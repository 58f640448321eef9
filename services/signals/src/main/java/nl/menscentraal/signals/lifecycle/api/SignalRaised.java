package nl.menscentraal.signals.lifecycle.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rule's condition held for a subject; the signal is open.
 *
 * @param heldAt      business time at which the condition held
 * @param raisedAt    when the platform raised it
 * @param basedOn     the eventIds of the triggering facts
 * @param explanation one Dutch sentence built from the facts
 */
public record SignalRaised(String streamId, UUID signalId, Subject subject, String ruleId, int ruleVersion,
                           String severity, List<UUID> basedOn, String explanation, List<String> routedTo,
                           Instant heldAt, Instant raisedAt) {
}
