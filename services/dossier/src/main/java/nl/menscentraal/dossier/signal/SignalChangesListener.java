package nl.menscentraal.dossier.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The dossier's edge on {@code mens-centraal.signals.v1}: each announced signal becomes one {@link ClientSignal}
 * per client it concerns (a household signal names every member by BSN; each member's read counts). It only
 * translates; what a signal lets someone see is the view policy's business.
 *
 * <p>At least once: Kafka redelivers after a rebalance or crash, and {@link ClientSignals#record} ignores what it
 * already has. A record that cannot be read is not ours to fix or to log: it is skipped, named by its position only.
 */
@Component
class SignalChangesListener {

    private static final Logger log = LoggerFactory.getLogger(SignalChangesListener.class);

    private final ClientSignals signals;
    private final ClientPseudonyms pseudonyms;
    private final ObjectMapper json = new ObjectMapper();

    SignalChangesListener(ClientSignals signals, ClientPseudonyms pseudonyms) {
        this.signals = signals;
        this.pseudonyms = pseudonyms;
    }

    @KafkaListener(id = "dossier-signal-changes", idIsGroup = false, batch = "true",
            groupId = "${mens-centraal.dossier.signals-group}", topics = Topics.SIGNALS)
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<ClientSignal> concerned = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            Optional<List<ClientSignal>> translated = translate(record.value());
            if (translated.isEmpty()) {
                log.warn("Skipping an unreadable signal record at {}-{} offset {}",
                        record.topic(), record.partition(), record.offset());
            } else {
                concerned.addAll(translated.get());
            }
        }
        signals.record(concerned);
    }

    /** The signal record as one row per client concerned, or empty when the record is not a signal we can read. */
    Optional<List<ClientSignal>> translate(byte[] value) {
        try {
            JsonNode signal = value == null ? null : json.readTree(value);
            if (signal == null || !signal.isObject()) {
                return Optional.empty();
            }
            UUID signalId = UUID.fromString(signal.path("signalId").asText());
            String ruleId = text(signal, "ruleId");
            String severity = text(signal, "severity");
            String status = text(signal, "status");
            Instant raisedAt = instant(signal.path("raisedAt"));
            List<String> routedTo = new ArrayList<>();
            signal.path("routedTo").forEach(r -> routedTo.add(r.asText()));
            List<String> bsns = new ArrayList<>();
            JsonNode subject = signal.path("subject");
            if (subject.hasNonNull("bsn")) {
                bsns.add(subject.get("bsn").asText());
            }
            subject.path("household").forEach(b -> bsns.add(b.asText()));
            if (ruleId == null || severity == null || !ClientSignal.STATUSES.contains(status) || raisedAt == null
                    || bsns.isEmpty() || bsns.stream().anyMatch(b -> !Bsn.isValid(b))) {
                return Optional.empty();
            }
            // the history grows by one step per change; a record without one (another producer) ranks by status
            int version = signal.path("history").isArray() && !signal.path("history").isEmpty()
                    ? signal.path("history").size() : statusRank(status);
            return Optional.of(bsns.stream().distinct()
                    .map(bsn -> new ClientSignal(pseudonyms.of(Bsn.parse(bsn)), signalId, ruleId, severity, routedTo,
                            status, version, raisedAt))
                    .toList());
        } catch (IOException | IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static int statusRank(String status) {
        return switch (status) {
            case "open" -> 1;
            case "in-behandeling" -> 2;
            default -> 3;
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    /** An ISO-8601 instant, or Jackson's numeric form (seconds with a fraction). */
    private static Instant instant(JsonNode node) {
        if (node.isTextual()) {
            return Instant.parse(node.asText());
        }
        if (node.isNumber()) {
            BigDecimal seconds = node.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).intValueExact());
        }
        return null;
    }
}
