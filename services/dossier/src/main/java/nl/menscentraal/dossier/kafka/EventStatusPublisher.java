package nl.menscentraal.dossier.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.events.Topics;
import nl.menscentraal.dossier.batching.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tells the intake that an event is now in the dossier. Runs as a tracking processor over the event store,
 * so a status is published at least once for every recorded fact even if the process dies right after
 * recording it; a replay does not publish again.
 */
@Component
@ProcessingGroup("event-status")
class EventStatusPublisher {

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper objectMapper;

    EventStatusPublisher(KafkaTemplate<String, byte[]> kafka, ObjectMapper objectMapper) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(ChainEventRecorded event, ReplayStatus replay) throws JsonProcessingException {
        if (replay.isReplay()) {
            return;
        }
        EventStatusMessage status = new EventStatusMessage(event.partner(), event.eventId(), "recorded", null,
                event.fingerprint(), event.recordedAt());
        CompletableFuture<?> sent = kafka.send(Topics.EVENT_STATUS, event.partner() + ":" + event.eventId(),
                objectMapper.writeValueAsBytes(status));
        // sends of one batch travel together; the batch commits its position only once all are acknowledged
        BatchedWrites.add("event-status-sends", sent, EventStatusPublisher::awaitAll);
    }

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing an event status", e);
        } catch (ExecutionException | TimeoutException e) {
            // the processor retries the event: the status is not lost
            throw new IllegalStateException("could not publish an event status", e);
        }
    }
}
