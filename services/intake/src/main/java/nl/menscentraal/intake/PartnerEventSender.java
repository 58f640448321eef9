package nl.menscentraal.intake;

import nl.menscentraal.events.Envelope;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Puts accepted envelopes on the partner-events topic, keyed by the 9-digit BSN so that one client's
 * events stay in order on one partition, and waits for the brokers' acknowledgement: a 202 promises the
 * record is durable (the producer runs with {@code acks=all} and idempotence).
 */
@Component("intakePartnerEventSender")
class PartnerEventSender {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventSender.class);

    private final KafkaTemplate<String, byte[]> kafka;

    PartnerEventSender(KafkaTemplate<String, byte[]> kafka) {
        this.kafka = kafka;
    }

    /**
     * Sends all envelopes at once and waits for every acknowledgement within one deadline.
     *
     * @return per envelope, in order, whether the brokers acknowledged it
     */
    List<Boolean> sendAll(List<Envelope> envelopes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<?>> sends = new ArrayList<>(envelopes.size());
        for (Envelope envelope : envelopes) {
            CompletableFuture<?> send = sends.isEmpty() || !sends.get(sends.size() - 1).isCompletedExceptionally()
                    ? send(envelope)
                    // A send that failed before it returned means the producer could not even reach the
                    // brokers (it blocked up to max.block.ms); the rest would each block as long again.
                    : CompletableFuture.failedFuture(new IllegalStateException("not sent: Kafka unreachable"));
            sends.add(send);
        }
        List<Boolean> acknowledged = new ArrayList<>(sends.size());
        int failed = 0;
        Throwable firstFailure = null;
        for (CompletableFuture<?> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                acknowledged.add(false);
                failed++;
                firstFailure = firstFailure == null ? e : firstFailure;
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                acknowledged.add(false);
                failed++;
                firstFailure = firstFailure == null ? e : firstFailure;
            }
        }
        if (failed > 0) {
            // Only the exception class: a producer exception can carry the record, i.e. BSN and payload.
            log.warn("Kafka did not acknowledge {} of {} partner event(s) within {}; first failure: {}",
                    failed, sends.size(), timeout, rootCause(firstFailure).getClass().getName());
        }
        return acknowledged;
    }

    boolean send(Envelope envelope, Duration timeout) {
        return sendAll(List.of(envelope), timeout).get(0);
    }

    private CompletableFuture<?> send(Envelope envelope) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.PARTNER_EVENTS, envelope.bsn().value(),
                EnvelopeJson.toBytes(envelope));
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        try {
            // Straight to the template's producer rather than KafkaTemplate.send: on a failure send() hands the
            // record to the template's producer listener, and Spring Kafka's default one logs the key, a BSN.
            // service-support replaces that listener; this keeps the intake safe whatever template it is given.
            kafka.execute(producer -> producer.send(record, (metadata, failure) -> {
                if (failure != null) {
                    acknowledged.completeExceptionally(failure);
                } else {
                    acknowledged.complete(metadata);
                }
            }));
        } catch (RuntimeException e) {
            // send() itself throws when metadata cannot be fetched within max.block.ms.
            acknowledged.completeExceptionally(e);
        }
        return acknowledged;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
