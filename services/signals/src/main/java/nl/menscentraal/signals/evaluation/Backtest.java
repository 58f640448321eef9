package nl.menscentraal.signals.evaluation;

import nl.menscentraal.signals.rules.Episode;
import nl.menscentraal.signals.rules.RuleEngine;
import nl.menscentraal.signals.rules.RuleSet;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs a rule set over everything recorded, without side effects: it reads the event store and writes nothing,
 * so an operator sees what a new or changed rule would have raised before switching it on.
 */
@Component
public class Backtest {

    /** One signal the rules would have raised. Subjects stay anonymous: operators see no client data. */
    public record Raised(String ruleId, String severity, Instant heldAt) {
    }

    public record PerRule(int signals, int subjects) {
    }

    public record Outcome(int rulesVersion, int signals, int subjects, Map<String, PerRule> byRule, List<Raised> raised) {
    }

    private static final int MAX_LISTED = 1000;

    private final JdbcTemplate jdbc;
    private final SubjectEvaluator evaluator;
    private final Households households;
    private final RuleEngine engine;

    Backtest(JdbcTemplate jdbc, SubjectEvaluator evaluator, Households households, RuleEngine engine) {
        this.jdbc = jdbc;
        this.evaluator = evaluator;
        this.households = households;
        this.engine = engine;
    }

    /**
     * @param from signals whose condition held (business time) from here …
     * @param to   … up to here
     * @param now  the moment of evaluation: deadlines count as passed up to it
     */
    public Outcome run(RuleSet rules, Instant from, Instant to, Instant now) {
        List<Raised> raised = new ArrayList<>();
        Map<String, Set<String>> subjectsByRule = new TreeMap<>();
        Set<String> subjects = new HashSet<>();
        List<String> clients = jdbc.queryForList(
                "SELECT DISTINCT aggregateidentifier FROM domainevententry WHERE type = 'ClientDossier'", String.class);
        for (String client : clients) {
            simulate(rules, client, List.of(client), from, to, now, raised, subjectsByRule, subjects);
        }
        for (Households.Household household : households.all()) {
            simulate(rules, household.id(), household.members(), from, to, now, raised, subjectsByRule, subjects);
        }
        Map<String, PerRule> byRule = new TreeMap<>();
        subjectsByRule.forEach((rule, s) -> byRule.put(rule, new PerRule(
                (int) raised.stream().filter(r -> r.ruleId().equals(rule)).count(), s.size())));
        raised.sort(Comparator.comparing(Raised::heldAt));
        return new Outcome(rules.version(), raised.size(), subjects.size(), byRule,
                List.copyOf(raised.subList(0, Math.min(MAX_LISTED, raised.size()))));
    }

    /**
     * Nobody acknowledges in a backtest, so every raised signal stays open: a rule raises its first episode per
     * subject, and a rule that fires per episode (ketenmatch) each one.
     */
    private void simulate(RuleSet rules, String subjectId, List<String> members, Instant from, Instant to, Instant now,
                          List<Raised> raised, Map<String, Set<String>> subjectsByRule, Set<String> subjects) {
        evaluator.load(subjectId, members).ifPresent(loaded -> {
            Set<String> open = new HashSet<>();
            engine.evaluate(rules, loaded.facts(), now).held().stream()
                    .sorted(Comparator.comparing(Episode::heldAt))
                    .filter(e -> !e.heldAt().isBefore(from) && !e.heldAt().isAfter(to))
                    .filter(e -> e.eachEpisodeSignals() || open.add(e.ruleId()))
                    .forEach(e -> {
                        raised.add(new Raised(e.ruleId(), e.severity().code(), e.heldAt()));
                        subjectsByRule.computeIfAbsent(e.ruleId(), r -> new HashSet<>()).add(subjectId);
                        subjects.add(subjectId);
                    });
        });
    }
}
