package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Follows the dossier's outcomes so {@code GET /api/v1/events/{eventId}} can say {@code recorded} or
 * {@code rejected}. Kafka delivers at least once; applying an outcome is idempotent, so a redelivery
 * changes nothing. A poll's outcomes are applied in one transaction. A malformed message cannot be fixed by retrying: it is logged by position only
 * (its content is not ours to log) and skipped, so one bad record never blocks the others.
 */
@Component("intakeEventStatusListener")
class EventStatusListener {

    private static final Logger log = LoggerFactory.getLogger(EventStatusListener.class);

    private final IntakeEventStore store;
    private final ObjectMapper mapper = EnvelopeJson.mapper();

    EventStatusListener(IntakeEventStore store) {
        this.store = store;
    }

    @KafkaListener(id = "intake-event-status", idIsGroup = false, batch = "true",
            groupId = "${mens-centraal.intake.status-group-id}", topics = Topics.EVENT_STATUS)
    @Transactional
    void onStatuses(List<ConsumerRecord<String, byte[]>> records) {
        List<EventStatusMessage> outcomes = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<EventStatusMessage> message = EventStatusMessage.parse(mapper, record.value());
            if (message.isEmpty()) {
                log.warn("Skipping a malformed event-status message at {}-{} offset {}",
                        record.topic(), record.partition(), record.offset());
            } else {
                outcomes.add(message.get());
            }
        }
        store.applyOutcomes(outcomes);
    }
}
