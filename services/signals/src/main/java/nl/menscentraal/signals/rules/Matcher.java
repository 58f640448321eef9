package nl.menscentraal.signals.rules;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.events.Involvement;

import java.util.List;
import java.util.Map;

/**
 * Which facts an event condition looks for. A type {@code *.afspraak-niet-nagekomen} matches that common type of
 * every partner. Values may refer to the opening fact: {@code {opening.eventId}}, {@code {opening.partner}},
 * {@code {opening.payload.naarPartner}}.
 *
 * @param types              type names or {@code *.}-patterns; empty = any type
 * @param domains            life domains; empty = any domain
 * @param payload            field → condition ({@link ValueCondition})
 * @param involvementStartBy matches a fact that starts this partner's involvement
 * @param anyOf              alternatives; when present, the other fields are ignored
 */
record Matcher(List<String> types, List<String> domains, Map<String, ValueCondition> payload, String involvementStartBy, List<Matcher> anyOf) {

    /** Equal to one value, or in / not in a list of values. Missing fields are equal to nothing. */
    record ValueCondition(String equalTo, List<String> in, List<String> notIn) {
        boolean test(JsonNode value, Fact opening) {
            String actual = value == null || value.isMissingNode() || value.isNull() ? null : value.asText();
            if (equalTo != null && !resolve(equalTo, opening).equals(actual)) {
                return false;
            }
            if (in != null && (actual == null || in.stream().noneMatch(v -> resolve(v, opening).equals(actual)))) {
                return false;
            }
            return notIn == null || actual == null || notIn.stream().noneMatch(v -> resolve(v, opening).equals(actual));
        }
    }

    boolean matches(Fact fact, Fact opening) {
        if (anyOf != null && !anyOf.isEmpty()) {
            return anyOf.stream().anyMatch(m -> m.matches(fact, opening));
        }
        if (types != null && !types.isEmpty() && types.stream().noneMatch(t -> typeMatches(t, fact))) {
            return false;
        }
        if (domains != null && !domains.isEmpty() && !domains.contains(fact.domain())) {
            return false;
        }
        if (involvementStartBy != null && !(fact.involvement() == Involvement.STARTS
                && fact.partner().equals(resolve(involvementStartBy, opening)))) {
            return false;
        }
        if (payload != null) {
            for (Map.Entry<String, ValueCondition> field : payload.entrySet()) {
                if (!field.getValue().test(fact.payload().get(field.getKey()), opening)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean typeMatches(String pattern, Fact fact) {
        return pattern.startsWith("*.") ? fact.shortType().equals(pattern.substring(2)) : fact.type().equals(pattern);
    }

    static String resolve(String value, Fact opening) {
        if (opening == null || !value.startsWith("{opening.") || !value.endsWith("}")) {
            return value;
        }
        String path = value.substring("{opening.".length(), value.length() - 1);
        return switch (path) {
            case "eventId" -> opening.eventId().toString();
            case "partner" -> opening.partner();
            case "type" -> opening.type();
            default -> path.startsWith("payload.") ? opening.payload().path(path.substring("payload.".length())).asText("")
                    : value;
        };
    }
}
