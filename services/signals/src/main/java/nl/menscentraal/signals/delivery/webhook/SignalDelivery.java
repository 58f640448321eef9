package nl.menscentraal.signals.delivery.webhook;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of a signal, ready to be posted to webhook subscribers.
 *
 * @param signalId the signal's id; with {@code status} what consumers deduplicate on
 * @param status   the status the signal changed to ({@code open}, {@code in-behandeling}, {@code afgehandeld},
 *                 {@code vervallen})
 * @param ruleId   the rule that raised the signal; subscriptions may filter on it
 * @param severity {@code info}, {@code aandacht}, {@code urgent} or {@code kritiek}; subscriptions may ask for a
 *                 minimum
 * @param routedTo the organisations the signal is routed to ({@code regie} and/or partner ids); only their
 *                 subscriptions receive it
 * @param body     the signal JSON exactly as it is to be posted: the signature covers these bytes (UTF-8)
 */
public record SignalDelivery(UUID signalId, String status, String ruleId, String severity, List<String> routedTo,
                             String body) {

    public SignalDelivery {
        Objects.requireNonNull(signalId, "signalId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(body, "body");
        routedTo = List.copyOf(routedTo);
    }
}
