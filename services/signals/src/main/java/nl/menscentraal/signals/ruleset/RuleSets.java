package nl.menscentraal.signals.ruleset;

import nl.menscentraal.events.Catalogue;
import nl.menscentraal.signals.SignalsProperties;
import nl.menscentraal.signals.rules.Rule;
import nl.menscentraal.signals.rules.RuleSet;
import nl.menscentraal.signals.rules.RuleSetReader;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule set in force: the highest version in {@code signal_rule_set}, or the rules shipped with the platform as
 * version 1. Every instance re-reads the version now and then, so a change made through one instance reaches all.
 */
@Component
public class RuleSets {

    private final JdbcTemplate jdbc;
    private final Catalogue catalogue;
    private final SignalsProperties properties;
    private final Clock clock;
    private volatile RuleSet current;
    private volatile Instant checkedAt = Instant.MIN;

    RuleSets(JdbcTemplate jdbc, Catalogue catalogue, SignalsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
    }

    public RuleSet current() {
        Instant now = clock.instant();
        if (current == null || !now.isBefore(checkedAt.plus(properties.rulesRefresh())) || now.isBefore(checkedAt)) {
            refresh();
            checkedAt = now;
        }
        return current;
    }

    /**
     * An operator's rules file (mens-centraal.signals.rules-file) takes effect at start-up as the next version, unless
     * it is what is in force already (another instance may have put it there first).
     */
    @EventListener(ApplicationReadyEvent.class)
    public void applyRulesFile() throws IOException {
        if (properties.rulesFile() == null) {
            return;
        }
        String yaml = Files.readString(properties.rulesFile());
        if (!yaml.equals(current().yaml())) {
            try {
                change(yaml, "rules-file");
            } catch (DuplicateKeyException changedElsewhere) {
                current = null;
            }
        }
    }

    private synchronized void refresh() {
        Integer version = jdbc.queryForObject("SELECT max(version) FROM signal_rule_set", Integer.class);
        if (version == null) {
            RuleSet defaults = RuleSetReader.defaults(catalogue);
            jdbc.update("INSERT INTO signal_rule_set (version, yaml, changed_at, changed_by) VALUES (1, ?, ?, 'platform') "
                    + "ON CONFLICT (version) DO NOTHING", defaults.yaml(), Timestamp.from(clock.instant()));
            version = 1;
        }
        if (current == null || current.version() != version) {
            String yaml = jdbc.queryForObject("SELECT yaml FROM signal_rule_set WHERE version = ?", String.class, version);
            current = withRuleVersions(RuleSetReader.read(yaml, version, catalogue), version);
        }
    }

    /**
     * Puts a changed rules file in force as the next version. A rule whose definition changed gets the next rule
     * version, so every signal names the exact rule that raised it.
     *
     * @throws nl.menscentraal.signals.rules.RuleSetException naming every problem; nothing changes then
     */
    @Transactional
    public RuleSet change(String yaml, String changedBy) {
        RuleSet before = current();
        int version = before.version() + 1;
        RuleSet proposed = RuleSetReader.read(yaml, version, catalogue);
        jdbc.update("INSERT INTO signal_rule_set (version, yaml, changed_at, changed_by) VALUES (?, ?, ?, ?)",
                version, yaml, Timestamp.from(clock.instant()), changedBy);
        current = null;
        return current();
    }

    /** Reads a proposed rules file without putting it in force (for a backtest). */
    public RuleSet proposed(String yaml) {
        return RuleSetReader.read(yaml, current().version() + 1, catalogue);
    }

    /**
     * Rule versions follow from the history of the set: a rule's version goes up in every set version where its
     * definition differs from the one before.
     */
    private RuleSet withRuleVersions(RuleSet set, int setVersion) {
        List<RuleSet> history = new ArrayList<>();
        for (int v = 1; v < setVersion; v++) {
            String yaml = jdbc.query("SELECT yaml FROM signal_rule_set WHERE version = ?",
                    (rs, n) -> rs.getString(1), v).stream().findFirst().orElse(null);
            if (yaml != null) {
                history.add(RuleSetReader.read(yaml, v, catalogue));
            }
        }
        history.add(set);
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : set.rules()) {
            int version = 0;
            Rule previous = null;
            for (RuleSet earlier : history) {
                Rule then = earlier.rule(rule.id()).orElse(null);
                if (then != null && (previous == null || !sameDefinition(then, previous))) {
                    version++;
                }
                previous = then == null ? previous : then;
            }
            rules.add(new Rule(rule.id(), Math.max(version, rule.version()), rule.name(), rule.severity(), rule.routedTo(),
                    rule.household(), rule.autoExpire(), rule.explanation(), rule.anyOf()));
        }
        return new RuleSet(setVersion, rules, set.yaml());
    }

    private static boolean sameDefinition(Rule a, Rule b) {
        return new Rule(a.id(), 0, a.name(), a.severity(), a.routedTo(), a.household(), a.autoExpire(), a.explanation(), a.anyOf())
                .equals(new Rule(b.id(), 0, b.name(), b.severity(), b.routedTo(), b.household(), b.autoExpire(), b.explanation(), b.anyOf()));
    }
}
