package nl.menscentraal.signals.delivery.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import static nl.menscentraal.signals.delivery.webhook.WebhookSubscriptions.utc;

/**
 * Posts due webhook deliveries. Several instances may run this at once: each claims its rows under a lease, so a
 * row is posted by one instance at a time, and a row whose instance died is taken up again once its lease ends.
 */
@Component
class WebhookWorker {

    private static final Logger log = LoggerFactory.getLogger(WebhookWorker.class);

    /** Covers the bookkeeping around the posts, and clocks of instances that differ a little. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    /*
     * One statement claims and leases: rows locked by another instance's claim are skipped, not waited for, and
     * once this commits the lease keeps them out of every other instance's scan.
     */
    private static final String CLAIM = """
            WITH due AS (
                SELECT id FROM webhook_delivery
                WHERE state = 'pending' AND next_attempt_at <= ?
                ORDER BY next_attempt_at
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE webhook_delivery d SET next_attempt_at = ?
            FROM due, webhook_subscription s
            WHERE d.id = due.id AND s.id = d.subscription_id
            RETURNING d.id, d.subscription_id, d.signal_id, d.body, d.attempts, s.callback_url, s.secret
            """;

    private record Claimed(long id, UUID subscriptionId, UUID signalId, String body, int attempts, String callbackUrl,
                           String secret) {
    }

    /** {@code error} is {@code null} for a 2xx answer. */
    private record Outcome(String error) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final WebhookProperties properties;
    private final HttpClient http;
    private final Counter delivered;
    private final Counter failed;
    private final Counter parked;

    WebhookWorker(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                  MeterRegistry meters, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                // A redirect is the subscriber's configuration error; following it would post signed content elsewhere.
                .followRedirects(HttpClient.Redirect.NEVER)
                // Plain HTTP/1.1: no h2c upgrade attempt that some receivers mishandle on a POST with a body.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.delivered = counter(meters, "ok");
        this.failed = counter(meters, "failed");
        this.parked = counter(meters, "parked");
    }

    private static Counter counter(MeterRegistry meters, String outcome) {
        return Counter.builder("mens-centraal.signal.deliveries")
                .description("Attempts to deliver a signal change: ok, failed (retried later) or parked (given up)")
                .tag("channel", "webhook").tag("outcome", outcome)
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${mens-centraal.signals.webhooks.poll-interval:PT1S}")
    void poll() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            // The class only: database messages can quote row content. The next round tries again.
            log.warn("A webhook delivery round failed with {}", e.getClass().getName());
        }
    }

    /**
     * Claims up to a batch of due deliveries, posts them and records each outcome.
     *
     * @return how many deliveries were attempted
     */
    int deliverDue() {
        Instant now = clock.instant();
        // The posts run side by side, so one batch takes at most a connect timeout plus an answer timeout.
        Instant leaseEnd = now.plus(properties.timeout().multipliedBy(2)).plus(LEASE_MARGIN);
        List<Claimed> claimed = transactions.execute(tx -> jdbc.query(CLAIM, (rs, row) -> new Claimed(rs.getLong("id"),
                        rs.getObject("subscription_id", UUID.class), rs.getObject("signal_id", UUID.class),
                        rs.getString("body"), rs.getInt("attempts"), rs.getString("callback_url"),
                        rs.getString("secret")),
                utc(now), properties.batchSize(), utc(leaseEnd)));
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        // Posted outside any transaction: no connection is held while subscribers take their time.
        List<CompletableFuture<Outcome>> posts = claimed.stream().map(this::post).toList();
        for (int i = 0; i < claimed.size(); i++) {
            record(claimed.get(i), posts.get(i).join());
        }
        return claimed.size();
    }

    private CompletableFuture<Outcome> post(Claimed delivery) {
        try {
            byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.callbackUrl()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Signature", "sha256=" + sign(delivery.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> error != null ? failure(error)
                            : response.statusCode() / 100 == 2 ? new Outcome(null)
                            : new Outcome("HTTP " + response.statusCode()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
    }

    private static Outcome failure(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        // Never the message: it may quote the URL, including a token in its query string.
        return new Outcome(cause.getClass().getSimpleName());
    }

    private void record(Claimed delivery, Outcome outcome) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (outcome.error() == null) {
            // Delivered is true whatever happened to the row meanwhile; the body is no longer needed.
            jdbc.update("""
                    UPDATE webhook_delivery
                    SET state = 'delivered', attempts = ?, delivered_at = ?, last_error = NULL, body = NULL
                    WHERE id = ?""", attempts, utc(now), delivery.id());
            delivered.increment();
            log.debug("Delivered signal {} to subscription {}", delivery.signalId(), delivery.subscriptionId());
            return;
        }
        String error = outcome.error().length() > 200 ? outcome.error().substring(0, 200) : outcome.error();
        boolean giveUp = attempts >= properties.maxAttempts();
        // Guarded by the attempt count: if the lease ran out and another instance recorded an attempt first, this
        // one is not counted over it.
        jdbc.update("""
                        UPDATE webhook_delivery SET state = ?, attempts = ?, last_error = ?, next_attempt_at = ?
                        WHERE id = ? AND state = 'pending' AND attempts = ?""",
                giveUp ? "parked" : "pending", attempts, error, utc(giveUp ? now : now.plus(backoff(attempts))),
                delivery.id(), delivery.attempts());
        if (giveUp) {
            parked.increment();
            log.warn("Parked the delivery of signal {} to subscription {} after {} attempts; last error {}",
                    delivery.signalId(), delivery.subscriptionId(), attempts, error);
        } else {
            failed.increment();
            log.info("Delivery of signal {} to subscription {} failed ({}), attempt {}",
                    delivery.signalId(), delivery.subscriptionId(), error, attempts);
        }
    }

    /** The wait after the given number of failed attempts: the initial backoff, doubled per further failure. */
    Duration backoff(int failedAttempts) {
        // The shift is capped so the doubling cannot overflow; the maximum is reached long before.
        Duration delay = properties.initialBackoff().multipliedBy(1L << Math.min(failedAttempts - 1, 30));
        return delay.compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff() : delay;
    }

    /** Lowercase hex HMAC-SHA256 of the body, keyed with the subscription's secret. */
    static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
