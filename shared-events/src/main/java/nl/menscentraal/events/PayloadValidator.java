package nl.menscentraal.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a payload against the fields its type declares in the catalogue. Fields the type does not
 * declare are left as sent: partners may send more than the platform reads today.
 */
final class PayloadValidator {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The parts of one plan goal ({@code regie.plan-vastgesteld}), all required. */
    private static final Map<String, PayloadField.Kind> PLAN_GOAL = planGoal();

    private final Catalogue catalogue;

    PayloadValidator(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * Adds an error per bad field to {@code errors} and returns a copy of the payload in which declared
     * BSN fields are normalised to 9 digits, so that the 8- and 9-digit forms mean the same event.
     *
     * @param eventBsn the envelope's BSN, or {@code null} when that was invalid
     */
    ObjectNode validate(EventType type, ObjectNode payload, Bsn eventBsn, List<FieldError> errors) {
        ObjectNode copy = payload.deepCopy();
        for (PayloadField field : type.payload()) {
            String path = "payload." + field.name();
            JsonNode value = payload.get(field.name());
            if (value == null || value.isNull()) {
                if (field.required()) {
                    errors.add(new FieldError(path, "is required"));
                }
                continue;
            }
            int before = errors.size();
            switch (field.kind()) {
                case BSN_LIST -> checkList(path, value, PayloadField.Kind.BSN, field, errors);
                case PARTNER_LIST -> checkList(path, value, PayloadField.Kind.PARTNER, field, errors);
                case DOMAIN_LIST -> checkList(path, value, PayloadField.Kind.DOMAIN, field, errors);
                case PLAN_GOALS -> checkPlanGoals(path, value, errors);
                default -> problem(field.kind(), field, value).ifPresent(m -> errors.add(new FieldError(path, m)));
            }
            if (errors.size() == before) {
                normaliseBsns(field, value, copy, eventBsn, path, errors);
            }
        }
        return copy;
    }

    private void checkList(String path, JsonNode value, PayloadField.Kind elementKind, PayloadField field,
                           List<FieldError> errors) {
        if (!value.isArray() || value.isEmpty()) {
            errors.add(new FieldError(path, "must be a non-empty list"));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            String elementPath = path + "[" + i + "]";
            problem(elementKind, field, value.get(i)).ifPresent(m -> errors.add(new FieldError(elementPath, m)));
        }
    }

    private void checkPlanGoals(String path, JsonNode value, List<FieldError> errors) {
        if (!value.isArray() || value.isEmpty()) {
            errors.add(new FieldError(path, "must be a non-empty list of goals"));
            return;
        }
        for (int i = 0; i < value.size(); i++) {
            String goalPath = path + "[" + i + "]";
            JsonNode goal = value.get(i);
            if (!goal.isObject()) {
                errors.add(new FieldError(goalPath, "must be an object with " + String.join(", ", PLAN_GOAL.keySet())));
                continue;
            }
            PLAN_GOAL.forEach((part, kind) -> {
                JsonNode partValue = goal.get(part);
                Optional<String> problem = partValue == null || partValue.isNull()
                        ? Optional.of("is required") : problem(kind, null, partValue);
                problem.ifPresent(m -> errors.add(new FieldError(goalPath + "." + part, m)));
            });
        }
    }

    /** Why a single value is not of the kind, in words that never repeat it; empty when it is fine. */
    private Optional<String> problem(PayloadField.Kind kind, PayloadField field, JsonNode value) {
        String text = value.isTextual() ? value.asText() : null;
        return switch (kind) {
            case STRING -> text == null || text.isBlank()
                    ? Optional.of("must be a non-blank string") : Optional.empty();
            case ENUM -> text == null || !field.values().contains(text)
                    ? Optional.of("must be one of: " + String.join(", ", field.values())) : Optional.empty();
            case INTEGER -> value.isIntegralNumber()
                    ? outOfRange(value.decimalValue(), field) : Optional.of("must be a whole number");
            case NUMBER -> value.isNumber()
                    ? outOfRange(value.decimalValue(), field) : Optional.of("must be a number");
            case BOOLEAN -> value.isBoolean() ? Optional.empty() : Optional.of("must be true or false");
            case DATE -> isDate(text) ? Optional.empty() : Optional.of("must be an ISO-8601 date, e.g. 2026-10-01");
            case BSN -> {
                String bsn = bsnText(value);
                yield bsn == null ? Optional.of("must be a string of 9 digits") : Bsn.problemWith(bsn);
            }
            case PARTNER -> catalogue.isPartner(text)
                    ? Optional.empty() : Optional.of("must be a partner id of the catalogue");
            case DOMAIN -> catalogue.isDomain(text)
                    ? Optional.empty() : Optional.of("must be a life domain of the catalogue");
            case RECIPIENT -> catalogue.isPartner(text) || Catalogue.REGISSEUR.equals(text)
                    ? Optional.empty() : Optional.of("must be a partner id of the catalogue or " + Catalogue.REGISSEUR);
            case UUID -> isUuid(text) ? Optional.empty() : Optional.of("must be a UUID");
            case BSN_LIST, PARTNER_LIST, DOMAIN_LIST, PLAN_GOALS ->
                    throw new IllegalArgumentException("not a single-value kind: " + kind);
        };
    }

    private static Optional<String> outOfRange(BigDecimal number, PayloadField field) {
        Long min = field == null ? null : field.min();
        Long max = field == null ? null : field.max();
        boolean tooLow = min != null && number.compareTo(BigDecimal.valueOf(min)) < 0;
        boolean tooHigh = max != null && number.compareTo(BigDecimal.valueOf(max)) > 0;
        if (!tooLow && !tooHigh) {
            return Optional.empty();
        }
        if (min != null && max != null) {
            return Optional.of("must be between " + min + " and " + max);
        }
        return Optional.of(tooLow ? "must be at least " + min : "must be at most " + max);
    }

    /** Rewrites valid BSN fields in their 9-digit form; a household must include the event's own BSN. */
    private static void normaliseBsns(PayloadField field, JsonNode value, ObjectNode copy, Bsn eventBsn,
                                      String path, List<FieldError> errors) {
        if (field.kind() == PayloadField.Kind.BSN) {
            copy.put(field.name(), Bsn.parse(bsnText(value)).value());
        } else if (field.kind() == PayloadField.Kind.BSN_LIST) {
            ArrayNode normalised = copy.putArray(field.name());
            value.forEach(member -> normalised.add(Bsn.parse(bsnText(member)).value()));
            if (eventBsn != null && !containsText(normalised, eventBsn.value())) {
                errors.add(new FieldError(path, "must include the event's own BSN"));
            }
        }
    }

    private static boolean containsText(ArrayNode array, String text) {
        for (JsonNode element : array) {
            if (element.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The digits of a BSN sent as a JSON string or integer; {@code null} for any other JSON value. */
    static String bsnText(JsonNode value) {
        if (value.isTextual()) {
            return value.asText();
        }
        return value.isIntegralNumber() ? value.bigIntegerValue().toString() : null;
    }

    static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    private static boolean isDate(String text) {
        if (text == null) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Map<String, PayloadField.Kind> planGoal() {
        Map<String, PayloadField.Kind> goal = new LinkedHashMap<>();
        goal.put("leefgebied", PayloadField.Kind.DOMAIN);
        goal.put("doel", PayloadField.Kind.STRING);
        goal.put("eigenaarPartner", PayloadField.Kind.PARTNER);
        goal.put("streefdatum", PayloadField.Kind.DATE);
        return goal;
    }
}
