package nl.menscentraal.signals.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the rules file (YAML). Every problem is reported at once, with its path in the file, so an operator
 * fixes a changed file in one go; unknown fields are problems too, so a typo never silently disables a condition.
 */
public final class RuleSetReader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> RULE_FIELDS = Set.of("id", "version", "name", "severity", "routedTo", "household",
            "autoExpire", "when", "explanation");
    private static final Set<String> CONDITION_FIELDS = Set.of("state", "oneMember", "anotherMember", "heldFor",
            "without", "eachPartnerJoining", "event", "whileState", "until", "awaiting", "within", "count",
            "alsoEvent", "alsoWithin", "overrides");
    private static final Set<String> STATE_FIELDS = Set.of("activeDomains", "activeClusters", "involvedPartners",
            "involvedProfessionals", "otherActiveDomains", "regisseurAssigned", "planPresent", "withoutPlanGoalFor",
            "activeDomainIn");
    private static final Set<String> MATCHER_FIELDS = Set.of("types", "domains", "payload", "involvementStartBy", "anyOf");
    private static final Set<String> OVERRIDE_FIELDS = Set.of("when", "householdMember", "within", "severity", "immediate");

    private final Catalogue catalogue;
    private final List<FieldError> errors = new ArrayList<>();

    private RuleSetReader(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The rules shipped with the platform: version 1 of the rule set. */
    public static RuleSet defaults(Catalogue catalogue) {
        try (InputStream in = RuleSetReader.class.getResourceAsStream("/nl/menscentraal/signals/signal-rules.yaml")) {
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8), 1, catalogue);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @throws RuleSetException naming every problem */
    public static RuleSet read(String yaml, int version, Catalogue catalogue) {
        RuleSetReader reader = new RuleSetReader(catalogue);
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw new RuleSetException(List.of(new FieldError("rules", "is not valid YAML (line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")")));
        }
        if (root == null || !root.path("rules").isArray() || root.path("rules").isEmpty()) {
            throw new RuleSetException(List.of(new FieldError("rules", "must be a non-empty list of rules")));
        }
        List<Rule> rules = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < root.path("rules").size(); i++) {
            Rule rule = reader.rule(root.path("rules").get(i), "rules[" + i + "]");
            if (rule != null && !ids.add(rule.id())) {
                reader.error("rules[" + i + "].id", "is used by an earlier rule");
            }
            rules.add(rule);
        }
        if (!reader.errors.isEmpty()) {
            throw new RuleSetException(reader.errors);
        }
        return new RuleSet(version, rules, yaml);
    }

    private Rule rule(JsonNode node, String path) {
        fields(node, path, RULE_FIELDS);
        String id = text(node, path, "id", true);
        String name = text(node, path, "name", true);
        Severity severity = severity(node.get("severity"), path + ".severity", true);
        List<String> routedTo = strings(node.get("routedTo"), path + ".routedTo");
        if (routedTo.isEmpty()) {
            error(path + ".routedTo", "must name at least one recipient");
        }
        for (String to : routedTo) {
            if (!to.equals("regie") && !to.equals("involved-partners") && !to.equals("opening-partner")
                    && !catalogue.isPartner(to)) {
                error(path + ".routedTo", "must be regie, a partner id, involved-partners or opening-partner");
            }
        }
        boolean household = node.path("household").asBoolean(false);
        String explanation = text(node, path, "explanation", true);
        if (explanation != null) {
            for (String placeholder : RuleEngine.placeholdersIn(explanation)) {
                if (!RuleEngine.PLACEHOLDERS.contains(placeholder)) {
                    error(path + ".explanation", "uses an unknown placeholder; known are "
                            + String.join(", ", RuleEngine.PLACEHOLDERS.stream().sorted().toList()));
                }
            }
        }
        JsonNode when = node.get("when");
        List<Condition> conditions = new ArrayList<>();
        if (when == null || (!when.isObject() && !when.isArray())) {
            error(path + ".when", "must be a condition or a list of alternative conditions");
        } else if (when.isObject()) {
            conditions.add(condition(when, path + ".when", household));
        } else {
            for (int i = 0; i < when.size(); i++) {
                conditions.add(condition(when.get(i), path + ".when[" + i + "]", household));
            }
        }
        int version = node.path("version").asInt(1);
        return new Rule(id, version, name, severity, routedTo, household, node.path("autoExpire").asBoolean(false),
                explanation, conditions);
    }

    private Condition condition(JsonNode node, String path, boolean household) {
        fields(node, path, CONDITION_FIELDS);
        if (node.has("event")) {
            Matcher event = matcher(node.get("event"), path + ".event");
            Duration within = duration(node.get("within"), path + ".within");
            Duration alsoWithin = duration(node.get("alsoWithin"), path + ".alsoWithin");
            int kinds = (node.has("until") ? 1 : 0) + (node.has("awaiting") ? 1 : 0) + (node.has("count") ? 1 : 0)
                    + (node.has("alsoEvent") ? 1 : 0);
            if (kinds > 1) {
                error(path, "may have only one of until, awaiting, count and alsoEvent");
            }
            if ((node.has("awaiting") || node.has("count")) && !node.has("within")) {
                error(path + ".within", "is required with awaiting or count");
            }
            if (node.has("alsoEvent") && !node.has("alsoWithin")) {
                error(path + ".alsoWithin", "is required with alsoEvent");
            }
            if (node.has("count") && node.get("count").asInt(0) < 1) {
                error(path + ".count", "must be a positive number");
            }
            List<Condition.Override> overrides = new ArrayList<>();
            JsonNode list = node.path("overrides");
            for (int i = 0; i < list.size(); i++) {
                overrides.add(override(list.get(i), path + ".overrides[" + i + "]"));
            }
            return new Condition.OnEvent(event, state(node.get("whileState"), path + ".whileState"),
                    matcher(node.get("until"), path + ".until"), matcher(node.get("awaiting"), path + ".awaiting"),
                    within, node.has("count") ? node.get("count").asInt() : null,
                    matcher(node.get("alsoEvent"), path + ".alsoEvent"), alsoWithin, overrides);
        }
        StatePredicate state = state(node.get("state"), path + ".state");
        StatePredicate one = state(node.get("oneMember"), path + ".oneMember");
        StatePredicate another = state(node.get("anotherMember"), path + ".anotherMember");
        if (household && (one == null || another == null)) {
            error(path, "a household rule needs oneMember and anotherMember");
        } else if (!household && state == null) {
            error(path, "needs event or state");
        }
        Duration heldFor = duration(node.get("heldFor"), path + ".heldFor");
        if (node.has("without") && heldFor == null) {
            error(path + ".without", "needs heldFor");
        }
        return new Condition.OnState(state, one, another, heldFor, matcher(node.get("without"), path + ".without"),
                node.path("eachPartnerJoining").asBoolean(false));
    }

    private Condition.Override override(JsonNode node, String path) {
        fields(node, path, OVERRIDE_FIELDS);
        return new Condition.Override(matcher(node.get("when"), path + ".when"),
                state(node.get("householdMember"), path + ".householdMember"),
                duration(node.get("within"), path + ".within"), severity(node.get("severity"), path + ".severity", false),
                node.path("immediate").asBoolean(false));
    }

    private StatePredicate state(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        fields(node, path, STATE_FIELDS);
        List<String> domainIn = node.has("activeDomainIn") ? strings(node.get("activeDomainIn"), path + ".activeDomainIn") : null;
        if (domainIn != null) {
            domainIn.stream().filter(d -> !catalogue.isDomain(d))
                    .forEach(d -> error(path + ".activeDomainIn", "must list life domains of the catalogue"));
        }
        String planGoal = node.has("withoutPlanGoalFor") ? node.get("withoutPlanGoalFor").asText() : null;
        if (planGoal != null && !catalogue.isDomain(planGoal)) {
            error(path + ".withoutPlanGoalFor", "must be a life domain of the catalogue");
        }
        return new StatePredicate(range(node, path, "activeDomains"), range(node, path, "activeClusters"),
                range(node, path, "involvedPartners"), range(node, path, "involvedProfessionals"),
                range(node, path, "otherActiveDomains"), bool(node, "regisseurAssigned"), bool(node, "planPresent"),
                planGoal, domainIn);
    }

    private StatePredicate.Range range(JsonNode node, String path, String field) {
        JsonNode range = node.get(field);
        if (range == null) {
            return null;
        }
        fields(range, path + "." + field, Set.of("min", "max"));
        if (!range.isObject() || (!range.path("min").isInt() && !range.path("max").isInt())) {
            error(path + "." + field, "must be { min: n } and/or { max: n }");
            return null;
        }
        return new StatePredicate.Range(range.path("min").isInt() ? range.get("min").asInt() : null,
                range.path("max").isInt() ? range.get("max").asInt() : null);
    }

    private Matcher matcher(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        fields(node, path, MATCHER_FIELDS);
        if (node.has("anyOf")) {
            List<Matcher> alternatives = new ArrayList<>();
            for (int i = 0; i < node.get("anyOf").size(); i++) {
                alternatives.add(matcher(node.get("anyOf").get(i), path + ".anyOf[" + i + "]"));
            }
            return new Matcher(null, null, null, null, alternatives);
        }
        List<String> types = strings(node.get("types"), path + ".types");
        for (String type : types) {
            boolean known = type.startsWith("*.") ? catalogue.commonTypes().contains(type.substring(2))
                    || catalogue.types().stream().anyMatch(t -> t.name().endsWith("." + type.substring(2)))
                    : catalogue.type(type).isPresent();
            if (!known) {
                error(path + ".types", "must list types of the catalogue (or *.<common type>)");
            }
        }
        List<String> domains = strings(node.get("domains"), path + ".domains");
        domains.stream().filter(d -> !catalogue.isDomain(d))
                .forEach(d -> error(path + ".domains", "must list life domains of the catalogue"));
        Map<String, Matcher.ValueCondition> payload = new LinkedHashMap<>();
        JsonNode fields = node.path("payload");
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                fields(value, path + ".payload." + field.getKey(), Set.of("in", "notIn"));
                payload.put(field.getKey(), new Matcher.ValueCondition(null,
                        value.has("in") ? strings(value.get("in"), path + ".payload." + field.getKey() + ".in") : null,
                        value.has("notIn") ? strings(value.get("notIn"), path + ".payload." + field.getKey() + ".notIn") : null));
            } else {
                payload.put(field.getKey(), new Matcher.ValueCondition(value.asText(), null, null));
            }
        }
        String startBy = node.has("involvementStartBy") ? node.get("involvementStartBy").asText() : null;
        if (types.isEmpty() && domains.isEmpty() && startBy == null && payload.isEmpty()) {
            error(path, "must name types, domains, payload, involvementStartBy or anyOf");
        }
        return new Matcher(types, domains, payload, startBy, null);
    }

    private Severity severity(JsonNode node, String path, boolean required) {
        if (node == null) {
            if (required) {
                error(path, "is required: info, aandacht, urgent or kritiek");
            }
            return null;
        }
        return Severity.fromCode(node.asText()).orElseGet(() -> {
            error(path, "must be info, aandacht, urgent or kritiek");
            return null;
        });
    }

    private Duration duration(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        try {
            Duration d = Duration.parse(node.asText());
            if (d.isNegative() || d.isZero()) {
                error(path, "must be a positive ISO-8601 duration such as P14D");
            }
            return d;
        } catch (DateTimeParseException e) {
            error(path, "must be an ISO-8601 duration such as P14D");
            return null;
        }
    }

    private String text(JsonNode node, String path, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            if (required) {
                error(path + "." + field, "is required");
            }
            return null;
        }
        return value.asText();
    }

    private static Boolean bool(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asBoolean() : null;
    }

    private List<String> strings(JsonNode node, String path) {
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            error(path, "must be a list");
            return values;
        }
        node.forEach(v -> values.add(v.asText()));
        return values;
    }

    private void fields(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            error(path, "must be a mapping");
            return;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                error(path + "." + name, "is not a known field here");
            }
        });
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
