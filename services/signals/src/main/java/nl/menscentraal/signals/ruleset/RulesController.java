package nl.menscentraal.signals.ruleset;

import nl.menscentraal.events.FieldError;
import nl.menscentraal.signals.SignalsProperties;
import nl.menscentraal.signals.evaluation.Backtest;
import nl.menscentraal.signals.rules.Rule;
import nl.menscentraal.signals.rules.RuleSet;
import nl.menscentraal.signals.rules.RuleSetException;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule set for operators: read it, change it (a new version, in force on every instance within the refresh
 * interval), and backtest a proposal over recorded history first.
 */
@RestController
@RequestMapping("/api/v1/rules")
class RulesController {

    record RuleSummary(String id, int version, String name, String severity, List<String> routedTo, boolean household,
                       boolean autoExpire) {
    }

    /** @param yaml the rules file as operators edit it */
    record RuleSetResponse(int version, List<RuleSummary> rules, String yaml) {
    }

    record RuleSetChange(String yaml) {
    }

    /** @param rules a proposed rules file; without it the rules in force */
    record BacktestRequest(String rules, String from, String to) {
    }

    /** @param current what the rules in force raise over the same history, to compare with */
    record BacktestResponse(String from, String to, Backtest.Outcome proposed, Backtest.Outcome current) {
    }

    private final RuleSets ruleSets;
    private final Backtest backtest;
    private final SignalsProperties properties;
    private final Clock clock;

    RulesController(RuleSets ruleSets, Backtest backtest, SignalsProperties properties, Clock clock) {
        this.ruleSets = ruleSets;
        this.backtest = backtest;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    RuleSetResponse rules(Caller caller) {
        return response(ruleSets.current());
    }

    @PutMapping
    RuleSetResponse change(Caller caller, @RequestBody(required = false) RuleSetChange change) {
        operatorOnly(caller);
        if (change == null || change.yaml() == null || change.yaml().isBlank()) {
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, List.of(new FieldError("yaml", "is required: the rules file")));
        }
        try {
            return response(ruleSets.change(change.yaml(), caller.principal()));
        } catch (RuleSetException e) {
            throw ProblemException.invalid(HttpStatus.UNPROCESSABLE_ENTITY, prefixed("yaml", e.errors()));
        } catch (DuplicateKeyException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "The rules were changed at the same time; read them again.");
        }
    }

    @PostMapping("/backtest")
    BacktestResponse backtest(Caller caller, @RequestBody(required = false) BacktestRequest request) {
        operatorOnly(caller);
        List<FieldError> errors = new ArrayList<>();
        Instant from = instant(request == null ? null : request.from(), "from", errors, false);
        Instant to = instant(request == null ? null : request.to(), "to", errors, true);
        RuleSet proposed = null;
        if (request != null && request.rules() != null) {
            try {
                proposed = ruleSets.proposed(request.rules());
            } catch (RuleSetException e) {
                errors.addAll(prefixed("rules", e.errors()));
            }
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "must not be before from"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(HttpStatus.UNPROCESSABLE_ENTITY, errors);
        }
        // everything recorded counts as settled: the late-arrival grace protects live signals from partial bulk
        // deliveries, not a look back over history
        Instant now = clock.instant().plus(properties.lateArrivalGrace());
        Instant start = from == null ? Instant.EPOCH : from;
        Instant end = to == null ? now : to;
        Backtest.Outcome current = backtest.run(ruleSets.current(), start, end, now);
        return new BacktestResponse(start.toString(), end.toString(),
                proposed == null ? current : backtest.run(proposed, start, end, now), current);
    }

    private static void operatorOnly(Caller caller) {
        if (!caller.is(Role.OPERATOR)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only operators change or backtest the rules.");
        }
    }

    /** Accepts an instant ({@code 2016-01-01T00:00:00Z}) or a date (the start of that day, UTC; the end for "to"). */
    private static Instant instant(String value, String field, List<FieldError> errors, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC)
                        .minusNanos(endOfDay ? 1 : 0);
            } catch (DateTimeParseException notADate) {
                errors.add(new FieldError(field, "must be an ISO-8601 instant or date"));
                return null;
            }
        }
    }

    private static List<FieldError> prefixed(String prefix, List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(prefix + ":" + e.field(), e.message())).toList();
    }

    private static RuleSetResponse response(RuleSet set) {
        return new RuleSetResponse(set.version(), set.rules().stream().map(RulesController::summary).toList(), set.yaml());
    }

    private static RuleSummary summary(Rule r) {
        return new RuleSummary(r.id(), r.version(), r.name(), r.severity().code(), r.routedTo(), r.household(), r.autoExpire());
    }
}
