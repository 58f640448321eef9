package nl.menscentraal.signals.delivery.webhook;

import nl.menscentraal.signals.rules.Severity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * The webhook outbox: records, for every subscription that wants a signal change, that it is to be posted.
 * {@link WebhookWorker} posts it later; writing it here, in the transaction that records the change, means a
 * change is never lost between the two.
 */
@Component
public class WebhookDeliveries {

    private static final String ENQUEUE = """
            INSERT INTO webhook_delivery (subscription_id, signal_id, signal_status, body, state, attempts, next_attempt_at)
            SELECT s.id, ?, ?, ?, 'pending', 0, ?
            FROM webhook_subscription s
            WHERE s.organisation = ANY (?::text[])
              AND (s.rule_ids IS NULL OR ? = ANY (s.rule_ids))
              AND (s.min_severity IS NULL OR s.min_severity = ANY (?::text[]))
            ON CONFLICT (subscription_id, signal_id, signal_status) DO NOTHING
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public WebhookDeliveries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Enqueues the change for every subscription of an organisation it is routed to whose rule and severity filters
     * it passes. Joins the caller's transaction. Enqueueing the same signal and status again changes nothing.
     *
     * @throws IllegalArgumentException when the severity is not one of the four
     */
    public void enqueue(SignalDelivery delivery) {
        Severity severity = Severity.fromCode(delivery.severity())
                .orElseThrow(() -> new IllegalArgumentException("unknown severity"));
        // A subscription's minimum is met by this severity and every lower one.
        String[] minimumsMet = Arrays.stream(Severity.values())
                .filter(s -> s.compareTo(severity) <= 0).map(Severity::code).toArray(String[]::new);
        jdbc.update(ENQUEUE, delivery.signalId(), delivery.status(), delivery.body(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                delivery.routedTo().toArray(String[]::new), delivery.ruleId(), minimumsMet);
    }
}
