package nl.menscentraal.signals.delivery.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of webhook delivery ({@code mens-centraal.signals.webhooks.*}).
 *
 * @param pollInterval   pause between two rounds of the delivery worker
 * @param initialBackoff wait after the first failed attempt; it doubles with every further failure
 * @param maxBackoff     the longest wait between two attempts, however many failed
 * @param maxAttempts    attempts after which a delivery is parked instead of retried
 * @param timeout        how long to wait for a subscriber to accept a connection, and again for its answer
 * @param batchSize      deliveries one instance claims and posts per round
 */
@ConfigurationProperties("mens-centraal.signals.webhooks")
record WebhookProperties(
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT1S") Duration initialBackoff,
        @DefaultValue("PT5M") Duration maxBackoff,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("50") int batchSize) {
}
