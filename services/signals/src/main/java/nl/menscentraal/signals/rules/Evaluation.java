package nl.menscentraal.signals.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the rules say about a subject now.
 *
 * @param held          the episodes that hold now
 * @param evaluatedRules the ids of the rules that were evaluated (their signals not in {@code held} may expire)
 * @param nextDue       when a deadline that has not passed yet will, so the subject must be evaluated again
 */
public record Evaluation(List<Episode> held, List<String> evaluatedRules, Optional<Instant> nextDue) {
}
