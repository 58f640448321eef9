package nl.menscentraal.signals.lifecycle.api;

import nl.menscentraal.signals.rules.Episode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Bring a subject's signals in line with what the rules say now: raise a signal for each episode that holds
 * and has none, and let signals whose reason no longer holds lapse.
 *
 * @param held           the episodes that hold now
 * @param lapsingRules   the evaluated rules whose active signals lapse when their episode no longer holds
 * @param at             when the evaluation happened (passed in: the domain never reads a clock)
 */
public record ReconcileSignalsCommand(@TargetAggregateIdentifier String streamId, Subject subject, List<Episode> held,
                                      List<String> lapsingRules, Instant at) {
}
