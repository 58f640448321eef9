package nl.menscentraal.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.Objects;

/**
 * Typed settings of the partner intake. Defaults are in {@code mens-centraal-intake.properties}.
 *
 * @param maxEventSize    the largest envelope accepted, on its own ({@code 413} above it) or as a batch
 *                        item (that item is rejected); the contract says 64 KiB
 * @param maxBatchSize    the largest batch body accepted ({@code 413} above it); bounds the memory one
 *                        request can take
 * @param maxBatchEvents  the most envelopes in one batch ({@code 422} on field {@code events} above it);
 *                        the contract says 1000
 * @param kafkaAckTimeout how long a request waits for the brokers to acknowledge its records before it
 *                        answers {@code 503} (single) or rejects the items with "retry" (batch)
 * @param statusGroupId   the Kafka consumer group that reads the dossier's outcomes from the event-status
 *                        topic; one group per intake deployment, so every instance shares the work
 */
@ConfigurationProperties("mens-centraal.intake")
public record IntakeProperties(
        DataSize maxEventSize,
        DataSize maxBatchSize,
        int maxBatchEvents,
        Duration kafkaAckTimeout,
        String statusGroupId) {

    public IntakeProperties {
        // The defaults come from mens-centraal-intake.properties; a missing one means that file was not loaded.
        Objects.requireNonNull(maxEventSize, "mens-centraal.intake.max-event-size");
        Objects.requireNonNull(maxBatchSize, "mens-centraal.intake.max-batch-size");
        Objects.requireNonNull(kafkaAckTimeout, "mens-centraal.intake.kafka-ack-timeout");
        Objects.requireNonNull(statusGroupId, "mens-centraal.intake.status-group-id");
        if (maxBatchEvents < 1) {
            throw new IllegalArgumentException("mens-centraal.intake.max-batch-events must be at least 1");
        }
    }
}
