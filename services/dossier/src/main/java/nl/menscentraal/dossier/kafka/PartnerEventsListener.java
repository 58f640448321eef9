package nl.menscentraal.dossier.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import nl.menscentraal.dossier.chain.api.EventIdConflictException;
import nl.menscentraal.dossier.chain.api.RecordChainEventCommand;
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
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Kafka edge of the dossier: partner envelopes in, commands out. It only translates; the dossier
 * decides. Invalid or conflicting records are parked on the dead-letter topic with their reason and the
 * partition moves on: one poison record never stops the others.
 *
 * <p>Kafka redelivers after a rebalance or crash; that is harmless because the dossier recognises a
 * repeated eventId with the same content.
 */
@Component
class PartnerEventsListener {

    private static final Logger log = LoggerFactory.getLogger(PartnerEventsListener.class);

    private final CommandGateway commands;
    private final EnvelopeValidator validator;
    private final Catalogue catalogue;
    private final ClientPseudonyms pseudonyms;
    private final DeadLetters deadLetters;
    private final ObjectMapper json = EnvelopeJson.mapper();
    private final Clock clock;
    private final MeterRegistry meters;

    PartnerEventsListener(CommandGateway commands, EnvelopeValidator validator, Catalogue catalogue,
                          ClientPseudonyms pseudonyms, DeadLetters deadLetters, Clock clock, MeterRegistry meters) {
        this.commands = commands;
        this.validator = validator;
        this.catalogue = catalogue;
        this.pseudonyms = pseudonyms;
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.meters = meters;
    }

    @KafkaListener(topics = Topics.PARTNER_EVENTS, containerFactory = "partnerEventsListenerFactory",
            groupId = "${mens-centraal.dossier.consumer-group}",
            concurrency = "${mens-centraal.dossier.consumer-concurrency}")
    void on(ConsumerRecord<String, byte[]> record) {
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
        if (result instanceof ValidationResult.Valid valid) {
            record(record, node, valid.envelope());
        } else {
            park(record, node, describe((ValidationResult.Invalid) result));
        }
    }

    private void record(ConsumerRecord<String, byte[]> record, JsonNode node, Envelope envelope) {
        RecordChainEventCommand command = new RecordChainEventCommand(
                pseudonyms.of(envelope.bsn()), envelope.eventId(), envelope.partner(), envelope.type(),
                envelope.schemaVersion(), envelope.bsn().value(), envelope.occurredAt(), envelope.receivedAt(),
                envelope.professional(), envelope.payload(), EnvelopeJson.fingerprint(envelope), clock.instant());
        try {
            RecordOutcome outcome = commands.sendAndWait(command);
            count(envelope.partner(), envelope.type(), outcome == RecordOutcome.DUPLICATE ? "duplicate" : "recorded");
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof EventIdConflictException conflict) {
                park(record, node, conflict.getMessage());
                return;
            }
            throw e;
        } catch (EventIdConflictException conflict) {
            park(record, node, conflict.getMessage());
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
