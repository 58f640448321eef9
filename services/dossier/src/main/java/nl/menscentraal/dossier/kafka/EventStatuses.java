package nl.menscentraal.dossier.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.events.Topics;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells the intake what became of partner events, on {@link Topics#EVENT_STATUS}.
 *
 * <p>Published by the partner-events consumer right after a poll is committed, and awaited before the poll's
 * offsets are: if the process dies in between, Kafka redelivers the poll, the dossier answers "duplicate" and
 * the status is published again. At least once, without a processor re-reading the event store for it.
 */
@Component
class EventStatuses {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper objectMapper;

    EventStatuses(KafkaTemplate<String, byte[]> kafka, ObjectMapper objectMapper) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
    }

    /** Sends all statuses together and waits until the broker has every one. */
    void publish(List<EventStatusMessage> statuses) {
        CompletableFuture<?>[] sends = statuses.stream().map(this::send).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sends).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing event statuses", e);
        } catch (ExecutionException | TimeoutException e) {
            // the poll is redelivered and its statuses published again: none is lost
            throw new IllegalStateException("could not publish event statuses", e);
        }
    }

    private CompletableFuture<?> send(EventStatusMessage status) {
        try {
            return kafka.send(Topics.EVENT_STATUS, status.partner() + ":" + status.eventId(),
                    objectMapper.writeValueAsBytes(status));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not serialise an event status", e);
        }
    }
}
