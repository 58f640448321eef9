package nl.menscentraal.signals.evaluation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.menscentraal.signals.lifecycle.api.ReconcileSignalsCommand;
import nl.menscentraal.signals.lifecycle.api.Subject;
import nl.menscentraal.signals.lifecycle.api.SignalStatus;
import nl.menscentraal.signals.rules.Episode;
import nl.menscentraal.signals.rules.Evaluation;
import nl.menscentraal.signals.rules.Fact;
import nl.menscentraal.signals.rules.Rule;
import nl.menscentraal.signals.rules.RuleEngine;
import nl.menscentraal.signals.rules.RuleSet;
import nl.menscentraal.signals.rules.SignalIds;
import nl.menscentraal.signals.rules.SubjectFacts;
import nl.menscentraal.signals.ruleset.RuleSets;
import nl.menscentraal.signals.view.SignalRepository;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Evaluates the rules in force for one subject at one moment and brings its signals in line.
 */
@Component
public class SubjectEvaluator {

    private final SubjectHistories histories;
    private final Households households;
    private final RuleSets ruleSets;
    private final RuleEngine engine;
    private final SignalRepository signals;
    private final CommandGateway commands;
    private final Timer latency;

    SubjectEvaluator(SubjectHistories histories, Households households, RuleSets ruleSets, RuleEngine engine,
                     SignalRepository signals, CommandGateway commands, MeterRegistry meters) {
        this.histories = histories;
        this.households = households;
        this.ruleSets = ruleSets;
        this.engine = engine;
        this.signals = signals;
        this.commands = commands;
        this.latency = Timer.builder("mens-centraal.signal.evaluation")
                .description("Time to evaluate the rules for one subject and record the resulting signal changes")
                .publishPercentileHistogram().register(meters);
    }

    /** @return when the subject must be evaluated again because a deadline passes then */
    Optional<Instant> evaluate(String subjectId, List<String> members, Instant now) {
        return latency.record(() -> {
            Optional<Loaded> loaded = load(subjectId, members);
            if (loaded.isEmpty()) {
                return Optional.<Instant>empty();
            }
            RuleSet rules = ruleSets.current();
            Evaluation evaluation = engine.evaluate(rules, loaded.get().facts(), now);
            List<String> lapsing = rules.rules().stream()
                    .filter(r -> evaluation.evaluatedRules().contains(r.id()) && r.lapsesWhenCleared())
                    .map(Rule::id).toList();
            if (changes(subjectId, evaluation, lapsing)) {
                Subject subject = loaded.get().subject();
                commands.sendAndWait(new ReconcileSignalsCommand(subject.streamId(), subject, evaluation.held(), lapsing, now));
            }
            return evaluation.nextDue();
        });
    }

    /**
     * Whether the evaluation would change the subject's signals, judged from the read model (written in the same
     * transaction as the signals' events, so it is current). Most evaluations change nothing; skipping their
     * command saves loading the subject's signal stream. The aggregate still decides what actually happens.
     */
    private boolean changes(String subjectId, Evaluation evaluation, List<String> lapsing) {
        if (evaluation.held().isEmpty() && lapsing.isEmpty()) {
            return false;
        }
        List<SignalRepository.Existing> existing = signals.ofSubject(subjectId);
        Set<UUID> known = new HashSet<>();
        Set<String> activeRules = new HashSet<>();
        existing.forEach(e -> {
            known.add(e.signalId());
            if (SignalStatus.fromCode(e.status()).map(SignalStatus::isActive).orElse(false)) {
                activeRules.add(e.ruleId());
            }
        });
        Set<UUID> held = new HashSet<>();
        for (Episode episode : evaluation.held()) {
            UUID id = SignalIds.of(episode.ruleId(), subjectId, episode.firstEventId());
            held.add(id);
            if (!known.contains(id) && (episode.eachEpisodeSignals() || !activeRules.contains(episode.ruleId()))) {
                return true;
            }
        }
        return existing.stream().anyMatch(e -> lapsing.contains(e.ruleId()) && !held.contains(e.signalId())
                && SignalStatus.fromCode(e.status()).map(SignalStatus::isActive).orElse(false));
    }

    /** A subject and its facts as the engine needs them. */
    public record Loaded(Subject subject, SubjectFacts facts) {
    }

    /** @return empty when nothing is recorded for the subject */
    public Optional<Loaded> load(String subjectId, List<String> members) {
        if (subjectId.startsWith("hh-")) {
            List<Fact> all = new ArrayList<>();
            members.forEach(m -> all.addAll(histories.of(m).facts()));
            Optional<Households.Household> household = households.of(members.get(0));
            if (all.isEmpty() || household.isEmpty() || !household.get().id().equals(subjectId)) {
                return Optional.empty();
            }
            Subject subject = new Subject(subjectId, members, household.get().bsns(), true);
            return Optional.of(new Loaded(subject, new SubjectFacts(subjectId, members, true, all, List.of())));
        }
        SubjectHistories.MemberHistory own = histories.of(subjectId);
        if (own.facts().isEmpty()) {
            return Optional.empty();
        }
        List<Fact> others = new ArrayList<>();
        households.of(subjectId).ifPresent(h -> h.members().stream().filter(m -> !m.equals(subjectId))
                .forEach(m -> others.addAll(histories.of(m).facts())));
        Subject subject = new Subject(subjectId, List.of(subjectId), List.of(own.bsn()), false);
        return Optional.of(new Loaded(subject, new SubjectFacts(subjectId, List.of(subjectId), false, own.facts(), others)));
    }
}
