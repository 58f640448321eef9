package nl.menscentraal.signals.delivery.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.signals.delivery.webhook.WebhookSubscriptions.Delivery;
import nl.menscentraal.signals.delivery.webhook.WebhookSubscriptions.Subscription;
import nl.menscentraal.signals.rules.Severity;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Webhook subscriptions: an organisation's systems receive the changes of the signals routed to it. */
@RestController
@RequestMapping("/api/v1/subscriptions")
class SubscriptionController {

    /** The organisations signals are routed to, so the ones an operator may subscribe for. */
    private static final Set<String> ORGANISATIONS = Set.of("werk-inkomen", "wmo", "jeugd", "schuldhulp", "ggz", "regie");
    private static final Set<String> STATES = Set.of("pending", "delivered", "parked");
    private static final int MIN_SECRET_LENGTH = 16;

    private final WebhookSubscriptions subscriptions;

    SubscriptionController(WebhookSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    /** {@code organisation} is for operators, who subscribe on behalf of an organisation. */
    record NewSubscription(String callbackUrl, String secret, List<String> ruleIds, String minSeverity,
                           String organisation) {
    }

    /** {@code ruleIds} and {@code minSeverity} are written as {@code null} when absent: that means "all". */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record SubscriptionView(UUID id, String organisation, String callbackUrl, List<String> ruleIds, String minSeverity,
                            Instant createdAt) {
        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id(), s.organisation(), s.callbackUrl(), s.ruleIds(), s.minSeverity(),
                    s.createdAt());
        }
    }

    record SubscriptionList(List<SubscriptionView> subscriptions) {
    }

    /** {@code nextAttemptAt} only while the delivery is pending; {@code lastError} is a status or an error class. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DeliveryView(UUID signalId, String signalStatus, String state, int attempts, String lastError,
                        Instant nextAttemptAt, Instant deliveredAt) {
        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.signalId(), d.signalStatus(), d.state(), d.attempts(), d.lastError(),
                    "pending".equals(d.state()) ? d.nextAttemptAt() : null, d.deliveredAt());
        }
    }

    record DeliveryList(List<DeliveryView> deliveries) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    SubscriptionView subscribe(Caller caller, @RequestBody NewSubscription request) {
        refuseAuditors(caller);
        List<FieldError> errors = new ArrayList<>();
        String organisation = organisation(caller, request.organisation(), errors);
        if (!isHttpUrl(request.callbackUrl())) {
            errors.add(new FieldError("callbackUrl", "must be an absolute http or https URL"));
        }
        if (request.secret() == null || request.secret().length() < MIN_SECRET_LENGTH) {
            errors.add(new FieldError("secret",
                    "is required and must have at least " + MIN_SECRET_LENGTH + " characters"));
        }
        if (request.minSeverity() != null && Severity.fromCode(request.minSeverity()).isEmpty()) {
            errors.add(new FieldError("minSeverity", "must be one of info, aandacht, urgent, kritiek"));
        }
        if (request.ruleIds() != null && (request.ruleIds().isEmpty()
                || request.ruleIds().stream().anyMatch(id -> id == null || id.isBlank()))) {
            errors.add(new FieldError("ruleIds", "must be a non-empty list of rule ids; leave it out for every rule"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        return SubscriptionView.of(subscriptions.create(organisation, caller.principal(), request.callbackUrl(),
                request.secret(), request.ruleIds(), request.minSeverity()));
    }

    @GetMapping
    SubscriptionList list(Caller caller) {
        refuseAuditors(caller);
        return new SubscriptionList(subscriptions.list(caller.is(Role.OPERATOR) ? null : caller.organisation())
                .stream().map(SubscriptionView::of).toList());
    }

    @GetMapping("/{id}/deliveries")
    DeliveryList deliveries(Caller caller, @PathVariable UUID id, @RequestParam(required = false) String status) {
        refuseAuditors(caller);
        // Someone else's subscription is answered like a missing one: its existence is not the caller's business.
        Subscription subscription = subscriptions.find(id)
                .filter(s -> caller.is(Role.OPERATOR) || s.organisation().equals(caller.organisation()))
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "No such subscription."));
        if (status != null && !STATES.contains(status)) {
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST,
                    List.of(new FieldError("status", "must be one of pending, delivered, parked")));
        }
        return new DeliveryList(subscriptions.deliveries(subscription.id(), status).stream()
                .map(DeliveryView::of).toList());
    }

    private static void refuseAuditors(Caller caller) {
        if (caller.is(Role.AUDITOR)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Auditors do not manage webhook subscriptions.");
        }
    }

    /** Partners and regisseurs subscribe for their own organisation; operators name the one they act for. */
    private static String organisation(Caller caller, String requested, List<FieldError> errors) {
        if (!caller.is(Role.OPERATOR)) {
            if (requested != null && !requested.equals(caller.organisation())) {
                throw new ProblemException(HttpStatus.FORBIDDEN,
                        "A subscription can only be made for the caller's own organisation.");
            }
            return caller.organisation();
        }
        if (requested == null || !ORGANISATIONS.contains(requested)) {
            errors.add(new FieldError("organisation",
                    "is required for operators and must be one of werk-inkomen, wmo, jeugd, schuldhulp, ggz, regie"));
        }
        return requested;
    }

    private static boolean isHttpUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
