package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.events.Envelope;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.intake.EnvelopeAdmission.Admission;
import nl.menscentraal.intake.EnvelopeAdmission.Admitted;
import nl.menscentraal.intake.EnvelopeAdmission.Refused;
import nl.menscentraal.intake.IntakeEventStore.Claim;
import nl.menscentraal.intake.IntakeMetrics.Outcome;
import nl.menscentraal.intake.IntakeResponses.ItemResult;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The publishing flow of {@code api.md}: admit (who, then what), claim the eventId durably, put the
 * record on Kafka and wait for the acknowledgement, then mark it accepted. A failure at any step leaves
 * either nothing or a {@code pending} claim that the partner's retry with the same eventId completes,
 * so nothing is half-applied or lost.
 */
@Service("intakeEventIntake")
class EventIntake {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    static final String NOT_STORED = "not stored; retry";

    private final EnvelopeAdmission admission;
    private final IntakeEventStore store;
    private final PartnerEventSender sender;
    private final JsonBodies bodies;
    private final IntakeMetrics metrics;
    private final IntakeProperties properties;
    private final Clock clock;

    EventIntake(EnvelopeAdmission admission, IntakeEventStore store, PartnerEventSender sender, JsonBodies bodies,
                IntakeMetrics metrics, IntakeProperties properties, Clock clock) {
        this.admission = admission;
        this.store = store;
        this.sender = sender;
        this.bodies = bodies;
        this.metrics = metrics;
        this.properties = properties;
        this.clock = clock;
    }

    /** The partner the caller publishes as; only partners and regisseurs (as {@code regie}) publish. */
    static String publisherOf(Caller caller) {
        if (!caller.is(Role.PARTNER) && !caller.is(Role.REGISSEUR)) {
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only partners and regisseurs publish events.");
        }
        return caller.organisation();
    }

    /** One envelope; problems are thrown as {@link ProblemException}s. */
    IntakeResponses.Published publish(String partner, byte[] body) {
        JsonNode sent = parse(partner, body);
        if (!(sent instanceof ObjectNode object)) {
            metrics.count(partner, IntakeMetrics.UNKNOWN_TYPE, Outcome.REJECTED);
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The body must be a JSON object: one envelope.");
        }
        Admission admitted = admission.admit(partner, object);
        if (admitted instanceof Refused refused) {
            metrics.count(partner, admission.typeTag(object), Outcome.REJECTED);
            throw refused.status() == HttpStatus.FORBIDDEN
                    ? new ProblemException(refused.status(), refused.detail())
                    : ProblemException.invalid(refused.status(), refused.errors());
        }
        Envelope envelope = ((Admitted) admitted).envelope();
        String fingerprint = ((Admitted) admitted).fingerprint();
        UUID eventId = envelope.eventId();

        Claim claim = store.claim(partner, eventId, fingerprint, now());
        switch (claim.kind()) {
            case CONFLICT -> {
                metrics.count(partner, envelope.type(), Outcome.CONFLICT);
                throw new ProblemException(HttpStatus.CONFLICT,
                        "This eventId was already used for other content; a new fact needs a new eventId.");
            }
            case DUPLICATE -> {
                metrics.count(partner, envelope.type(), Outcome.DUPLICATE);
                return new IntakeResponses.Published(eventId, IntakeResponses.DUPLICATE);
            }
            case SEND -> {
                if (!sender.send(envelope.withReceivedAt(claim.receivedAt()), properties.kafkaAckTimeout())) {
                    metrics.count(partner, envelope.type(), Outcome.UNAVAILABLE);
                    throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The event could not be stored right now: not stored; retry with the same eventId.");
                }
                store.markAccepted(partner, List.of(eventId), now());
                metrics.count(partner, envelope.type(), Outcome.ACCEPTED);
                return new IntakeResponses.Published(eventId, IntakeResponses.ACCEPTED);
            }
            default -> throw new IllegalStateException("unhandled claim " + claim.kind());
        }
    }

    /**
     * A batch: the body's shape is checked as a whole (400 / 422), then every item is handled on its own
     * by the same rules as a single envelope, its refusal reported in its result instead of failing the
     * batch. All items to send go to Kafka at once and are awaited together.
     */
    IntakeResponses.BatchPublished publishBatch(String partner, byte[] body) {
        JsonNode root = bodies.parse(body);
        if (!root.isObject()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "The body must be a JSON object: {\"events\": [...]}.");
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw ProblemException.invalid(HttpStatus.UNPROCESSABLE_ENTITY,
                    List.of(new FieldError("events", "is required: a list of envelopes")));
        }
        if (events.size() > properties.maxBatchEvents()) {
            throw ProblemException.invalid(HttpStatus.UNPROCESSABLE_ENTITY, List.of(new FieldError("events",
                    "must hold at most " + properties.maxBatchEvents() + " envelopes; split the batch")));
        }

        ItemResult[] results = new ItemResult[events.size()];
        // The first item with an eventId is claimed in the store; a later one with the same eventId in this
        // batch is a duplicate or a conflict of that first one.
        Map<UUID, Candidate> firsts = new LinkedHashMap<>();
        List<Candidate> repeats = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode item = events.get(i);
            UUID eventId = eventIdOf(item);
            String typeTag = admission.typeTag(item);
            Optional<List<FieldError>> refusal = precheck(item);
            if (refusal.isPresent()) {
                results[i] = rejected(partner, typeTag, eventId, refusal.get());
                continue;
            }
            Admission admitted = admission.admit(partner, (ObjectNode) item);
            if (admitted instanceof Refused refused) {
                results[i] = rejected(partner, typeTag, eventId, refused.errors());
                continue;
            }
            Candidate candidate = new Candidate(i, ((Admitted) admitted).envelope(), ((Admitted) admitted).fingerprint());
            if (firsts.putIfAbsent(candidate.envelope().eventId(), candidate) != null) {
                repeats.add(candidate);
            }
        }

        Map<UUID, Claim> claims = store.claimAll(partner, firsts.values().stream()
                .map(c -> new IntakeEventStore.Wanted(c.envelope().eventId(), c.fingerprint())).toList(), now());
        List<Integer> toSend = new ArrayList<>();
        List<Envelope> envelopes = new ArrayList<>();
        for (Candidate c : firsts.values()) {
            Claim claim = claims.get(c.envelope().eventId());
            switch (claim.kind()) {
                case CONFLICT -> results[c.index()] = conflict(partner, c.envelope());
                case DUPLICATE -> results[c.index()] = duplicate(partner, c.envelope());
                case SEND -> {
                    toSend.add(c.index());
                    envelopes.add(c.envelope().withReceivedAt(claim.receivedAt()));
                }
                default -> throw new IllegalStateException("unhandled claim " + claim.kind());
            }
        }
        for (Candidate c : repeats) {
            Candidate first = firsts.get(c.envelope().eventId());
            boolean sameContent = first.fingerprint().equals(c.fingerprint());
            boolean firstConflicted = claims.get(c.envelope().eventId()).kind() == Claim.Kind.CONFLICT;
            results[c.index()] = sameContent && !firstConflicted ? duplicate(partner, c.envelope()) : conflict(partner, c.envelope());
        }

        List<Boolean> acknowledged = sender.sendAll(envelopes, properties.kafkaAckTimeout());
        List<UUID> stored = new ArrayList<>();
        for (int n = 0; n < toSend.size(); n++) {
            Envelope envelope = envelopes.get(n);
            if (acknowledged.get(n)) {
                stored.add(envelope.eventId());
                metrics.count(partner, envelope.type(), Outcome.ACCEPTED);
                results[toSend.get(n)] = ItemResult.accepted(envelope.eventId());
            } else {
                // The claim stays pending, so the partner's retry of this item re-sends it.
                metrics.count(partner, envelope.type(), Outcome.REJECTED);
                results[toSend.get(n)] = ItemResult.rejected(envelope.eventId(), List.of(new FieldError("", NOT_STORED)));
            }
        }
        store.markAccepted(partner, stored, now());
        return new IntakeResponses.BatchPublished(List.of(results));
    }

    private record Candidate(int index, Envelope envelope, String fingerprint) {
    }

    private ItemResult conflict(String partner, Envelope envelope) {
        metrics.count(partner, envelope.type(), Outcome.CONFLICT);
        return ItemResult.rejected(envelope.eventId(), List.of(new FieldError("eventId",
                "was already used for other content; a new fact needs a new eventId")));
    }

    private ItemResult duplicate(String partner, Envelope envelope) {
        metrics.count(partner, envelope.type(), Outcome.DUPLICATE);
        return ItemResult.duplicate(envelope.eventId());
    }

    /** Status of the caller's own event; another partner's, unknown and not-yet-acknowledged ones are 404. */
    IntakeResponses.EventStatus status(String partner, String eventIdText) {
        if (eventIdText == null || !UUID_TEXT.matcher(eventIdText).matches()) {
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST,
                    List.of(new FieldError("eventId", "must be a UUID, e.g. 3f2b8c1e-6d4a-4f7e-9a0b-1c2d3e4f5a6b")));
        }
        UUID eventId = UUID.fromString(eventIdText);
        return store.find(partner, eventId)
                .filter(event -> event.status() != IntakeStatus.PENDING)
                .map(event -> new IntakeResponses.EventStatus(event.eventId(), event.status().code(), event.reason(),
                        event.receivedAt(), event.updatedAt()))
                .orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND,
                        "No event with this eventId was accepted from your organisation."));
    }

    private JsonNode parse(String partner, byte[] body) {
        try {
            return bodies.parse(body);
        } catch (ProblemException e) {
            metrics.count(partner, IntakeMetrics.UNKNOWN_TYPE, Outcome.REJECTED);
            throw e;
        }
    }

    /** Refusals that need no catalogue: not an object, or larger than one envelope may be. */
    private Optional<List<FieldError>> precheck(JsonNode item) {
        if (!item.isObject()) {
            return Optional.of(List.of(new FieldError("", "must be a JSON object: one envelope")));
        }
        if (bodies.sizeOf(item) > properties.maxEventSize().toBytes()) {
            return Optional.of(List.of(new FieldError("",
                    "the envelope is larger than " + JsonBodies.human(properties.maxEventSize()))));
        }
        return Optional.empty();
    }

    private ItemResult rejected(String partner, String typeTag, UUID eventId, List<FieldError> errors) {
        metrics.count(partner, typeTag, Outcome.REJECTED);
        return ItemResult.rejected(eventId, errors);
    }

    /** The item's eventId when it is a well-formed UUID, so even a rejected item can be lined up. */
    private static UUID eventIdOf(JsonNode item) {
        JsonNode id = item.get("eventId");
        return id != null && id.isTextual() && UUID_TEXT.matcher(id.asText()).matches()
                ? UUID.fromString(id.asText()) : null;
    }

    /** Microsecond precision: what PostgreSQL keeps, so the record on Kafka and the row agree exactly. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
