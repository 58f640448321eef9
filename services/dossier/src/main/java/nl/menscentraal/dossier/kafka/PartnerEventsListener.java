package nl.menscentraal.dossier.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import nl.menscentraal.dossier.batching.CommandBatch;
import nl.menscentraal.dossier.chain.api.PartnerFact;
import nl.menscentraal.dossier.chain.api.RecordChainEventsCommand;
import nl.menscentraal.dossier.chain.api.RecordOutcome;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.Envelope;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.EnvelopeValidator;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.events.Topics;
import nl.menscentraal.events.ValidationResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandResultMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Kafka edge of the dossier: partner envelopes in, commands out. It only translates; the dossier
 * decides. Invalid or conflicting records are parked on the dead-letter topic with their reason and the
 * partition moves on: one poison record never stops the others.
 *
 * <p>Records arrive a poll at a time and are recorded in one transaction ({@link CommandBatch}), one command
 * per client; then their statuses are published ({@link EventStatuses}) before the poll's offsets are committed. Kafka
 * redelivers after a rebalance or crash; that is harmless because the dossier recognises a repeated
 * eventId with the same content.
 */
@Component
class PartnerEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

    private record Valid(ConsumerRecord<String, byte[]> record, JsonNode node, Envelope envelope, String dossierId,
                         PartnerFact fact) {
    }

    private final CommandBatch commands;
    private final EnvelopeValidator validator;
    private final Catalogue catalogue;
    private final ClientPseudonyms pseudonyms;
    private final DeadLetters deadLetters;
    private final EventStatuses statuses;
    private final ObjectMapper json = EnvelopeJson.mapper();
    private final Clock clock;
    private final MeterRegistry meters;

    PartnerEventsListener(CommandBatch commands, EnvelopeValidator validator, Catalogue catalogue,
                          ClientPseudonyms pseudonyms, DeadLetters deadLetters, EventStatuses statuses, Clock clock,
                          MeterRegistry meters) {
        this.commands = commands;
        this.validator = validator;
        this.catalogue = catalogue;
        this.pseudonyms = pseudonyms;
        this.deadLetters = deadLetters;
        this.statuses = statuses;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS, containerFactory = "partnerEventsListenerFactory",
            autoStartup = "${mens-centraal.dossier.consume-partner-events}",
            groupId = "${mens-centraal.dossier.consumer-group}",
            concurrency = "${mens-centraal.dossier.consumer-concurrency}")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<Valid> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            translate(record, valid);
        }
        if (valid.isEmpty()) {
            return;
        }
        Instant recordedAt = clock.instant();
        RecordOutcome[] outcomes;
        try {
            outcomes = perClient(valid, recordedAt);
        } catch (CommandBatch.BatchFailedException e) {
            outcomes = oneByOne(records, valid, recordedAt);
        }
        List<EventStatusMessage> recorded = new ArrayList<>(valid.size());
        for (int i = 0; i < valid.size(); i++) {
            Valid v = valid.get(i);
            if (outcomes[i] == RecordOutcome.CONFLICT) {
                park(v.record(), v.node(), "eventId was already recorded for this partner with other content");
            } else {
                count(v.envelope().partner(), v.envelope().type(), outcomes[i] == RecordOutcome.DUPLICATE ? "duplicate" : "recorded");
                // a duplicate is announced again too: its first announcement may have been lost in a crash
                recorded.add(new EventStatusMessage(v.envelope().partner(), v.envelope().eventId(), "recorded", null,
                        v.fact().fingerprint(), recordedAt));
            }
        }
        statuses.publish(recorded);
    }

    /**
     * One command per client for the whole poll, in one transaction. Kafka keys records by client, so a client's
     * records come from one partition, in order, and keep that order inside its command.
     */
    private RecordOutcome[] perClient(List<Valid> valid, Instant recordedAt) {
        Map<String, List<Integer>> byClient = new LinkedHashMap<>();
        for (int i = 0; i < valid.size(); i++) {
            byClient.computeIfAbsent(valid.get(i).dossierId(), k -> new ArrayList<>()).add(i);
        }
        List<RecordChainEventsCommand> perClient = new ArrayList<>(byClient.size());
        byClient.forEach((dossierId, indices) -> perClient.add(new RecordChainEventsCommand(dossierId,
                indices.stream().map(i -> valid.get(i).fact()).toList(), recordedAt)));
        List<CommandResultMessage<?>> results = commands.dispatchAll(perClient);
        RecordOutcome[] outcomes = new RecordOutcome[valid.size()];
        int c = 0;
        for (List<Integer> indices : byClient.values()) {
            List<?> answered = (List<?>) results.get(c++).getPayload();
            for (int f = 0; f < indices.size(); f++) {
                outcomes[indices.get(f)] = (RecordOutcome) answered.get(f);
            }
        }
        return outcomes;
    }

    /**
     * After a failed batch, records each fact in its own transaction, in offset order, so the facts before the
     * failing one are kept and the error handler retries (and in the end parks) only the record that fails.
     */
    private RecordOutcome[] oneByOne(List<ConsumerRecord<String, byte[]>> records, List<Valid> valid, Instant recordedAt) {
        RecordOutcome[] outcomes = new RecordOutcome[valid.size()];
        for (int i = 0; i < valid.size(); i++) {
            Valid v = valid.get(i);
            try {
                CommandResultMessage<?> result = commands.dispatchAll(
                        List.of(new RecordChainEventsCommand(v.dossierId(), List.of(v.fact()), recordedAt))).get(0);
                outcomes[i] = (RecordOutcome) ((List<?>) result.getPayload()).get(0);
            } catch (RuntimeException e) {
                throw new BatchListenerFailedException("recording failed", e, records.indexOf(v.record()));
            }
        }
        return outcomes;
    }

    private void translate(ConsumerRecord<String, byte[]> record, List<Valid> valid) {
        JsonNode node;
        try {
            node = json.readTree(record.value());
        } catch (IOException | RuntimeException e) {
            park(record, null, "the record is not valid JSON");
            return;
        }
        if (node == null || node.isMissingNode()) {
            park(record, null, "the record is empty");
            return;
        }
        ValidationResult result = validator.validate(node);
        if (result instanceof ValidationResult.Valid ok) {
            Envelope envelope = ok.envelope();
            valid.add(new Valid(record, node, envelope, pseudonyms.of(envelope.bsn()), new PartnerFact(
                    envelope.eventId(), envelope.partner(), envelope.type(), envelope.schemaVersion(),
                    envelope.bsn().value(), envelope.occurredAt(), envelope.receivedAt(), envelope.professional(),
                    envelope.payload(), EnvelopeJson.fingerprint(envelope))));
        } else {
            park(record, node, describe((ValidationResult.Invalid) result));
        }
    }

    private void park(ConsumerRecord<String, byte[]> record, JsonNode node, String reason) {
        String partner = node == null ? null : knownPartner(node.path("partner").asText(null));
        String type = node == null ? null : knownType(node.path("type").asText(null));
        UUID eventId = node == null ? null : uuid(node.path("eventId").asText(null));
        deadLetters.park(record, reason, partner, eventId);
        count(partner, type, "dead-lettered");
        // offsets identify the record for an operator without logging its content
        log.warn("Parked record {}-{}@{} on the dead-letter topic", record.topic(), record.partition(), record.offset());
    }

    private static String describe(ValidationResult.Invalid invalid) {
        return invalid.errors().stream()
                .map(FieldError::field).distinct().count() + " invalid field(s): "
                + invalid.errors().stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }

    private void count(String partner, String type, String outcome) {
        meters.counter("mens-centraal.dossier.events",
                "partner", partner == null ? "unknown" : partner,
                "type", type == null ? "unknown" : type,
                "outcome", outcome).increment();
    }

    /** Only values from the catalogue become metric tags: free text from a record would be unbounded. */
    private String knownPartner(String partner) {
        return partner != null && catalogue.partners().contains(partner) ? partner : null;
    }

    private String knownType(String type) {
        return type != null && catalogue.type(type).isPresent() ? type : null;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
