package nl.menscentraal.signals.rules;

import java.util.List;
import java.util.Optional;

/**
 * The rules in force, with the version of the set and the YAML they were read from (what operators edit).
 */
public record RuleSet(int version, List<Rule> rules, String yaml) {

    public RuleSet {
        rules = List.copyOf(rules);
    }

    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
