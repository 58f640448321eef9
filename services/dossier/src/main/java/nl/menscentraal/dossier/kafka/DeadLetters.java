package nl.menscentraal.dossier.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Parks a record on {@link Topics#PARTNER_EVENTS_DLQ}, unchanged (key and value as received), with the
 * reason in the {@link Topics#REASON_HEADER} header, and tells the intake the event was rejected.
 * Both sends wait for the broker: the offset is committed only after the record is safely parked.
 */
@Component
class DeadLetters {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper objectMapper;
    private final EventStatuses statuses;
    private final Clock clock;

    DeadLetters(KafkaTemplate<String, byte[]> kafka, ObjectMapper objectMapper, EventStatuses statuses, Clock clock) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
        this.statuses = statuses;
        this.clock = clock;
    }

    /**
     * Parks a record whose processing kept failing. The reason names only the exception's class: messages of
     * exceptions from deeper layers may quote the data.
     */
    void parkAfterFailure(ConsumerRecord<?, ?> failed, Exception exception) {
        Throwable cause = exception;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        @SuppressWarnings("unchecked")
        ConsumerRecord<String, byte[]> record = (ConsumerRecord<String, byte[]>) failed;
        String partner = null;
        UUID eventId = null;
        try {
            var node = objectMapper.readTree(record.value());
            partner = node.path("partner").asText(null);
            eventId = UUID.fromString(node.path("eventId").asText());
        } catch (Exception unreadable) {
            // parked without a status: there is nobody to tell
        }
        park(record, "processing failed after retries: " + cause.getClass().getName(), partner, eventId);
    }

    void park(ConsumerRecord<String, byte[]> record, String reason, String partner, UUID eventId) {
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(Topics.PARTNER_EVENTS_DLQ, null,
                record.key(), record.value());
        parked.headers().add(Topics.REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        parked.headers().add("mens-centraal-source",
                (record.topic() + "-" + record.partition() + "@" + record.offset()).getBytes(StandardCharsets.UTF_8));
        await(kafka.send(parked));
        if (partner != null && eventId != null) {
            statuses.publish(List.of(new EventStatusMessage(partner, eventId, "rejected", reason, null, clock.instant())));
        }
    }

    private static void await(java.util.concurrent.CompletableFuture<?> send) {
        try {
            send.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parking a record", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not park a record on the dead-letter topic", e);
        }
    }
}
