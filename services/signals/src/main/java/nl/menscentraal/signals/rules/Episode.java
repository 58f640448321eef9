package nl.menscentraal.signals.rules;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One time a rule's condition held for a subject: what a signal is raised for.
 *
 * @param firstEventId       the first triggering fact; with rule and subject it names the signal
 * @param heldAt             business time at which the condition held (for a deadline: when it passed)
 * @param eachEpisodeSignals a new episode fires even while another signal of the rule is open (ketenmatch)
 */
public record Episode(String ruleId, int ruleVersion, UUID firstEventId, List<UUID> basedOn, Severity severity,
                      String explanation, List<String> routedTo, Instant heldAt, boolean eachEpisodeSignals) {
}
