package nl.menscentraal.signals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings of the signals service ({@code mens-centraal.signals.*}).
 *
 * @param lateArrivalGrace  how long after an opening fact was recorded its deadline still waits for late facts
 *                          (signal-rules.md): a bulk of backdated history raises only what it really implies
 * @param evaluationPoll    how often each instance looks for subjects due for evaluation (new facts, deadlines)
 * @param evaluationBatch   at most this many subjects per look, each in its own transaction
 * @param evaluationThreads evaluators per instance; they wait on the database more than they compute
 * @param historyCacheSize  how many clients' facts an instance keeps between evaluations (about 20 KB each)
 * @param rulesRefresh      how often an instance checks whether another instance changed the rules
 * @param consumeEvents     take subjects from the evaluation queue; off, this instance evaluates nothing (its event
 *                          processors still queue new facts and deliver signal changes)
 * @param rulesFile         an operator's rules file (YAML); at start-up it becomes the next version of the rule set
 *                          when it differs from the rules in force. Unset: the rules in force, or the shipped ones
 */
@ConfigurationProperties("mens-centraal.signals")
public record SignalsProperties(
        @DefaultValue("PT10M") Duration lateArrivalGrace,
        @DefaultValue("PT0.25S") Duration evaluationPoll,
        @DefaultValue("200") int evaluationBatch,
        @DefaultValue("4") int evaluationThreads,
        @DefaultValue("5000") int historyCacheSize,
        @DefaultValue("PT5S") Duration rulesRefresh,
        @DefaultValue("true") boolean consumeEvents,
        Path rulesFile) {
}
