package nl.menscentraal.dossier.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.store.DataKeys;
import nl.menscentraal.dossier.timeline.TimelineEntry;
import nl.menscentraal.dossier.timeline.TimelineRow;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.support.audit.AccessLog;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.web.ProblemException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * A client's timeline exactly as one principal could see it at an earlier instant, for an auditor answering "what
 * could this person see of me then?". Rebuilt from the dossier's stream in the event store, not from today's
 * projections, by {@link AsOfTimeline}; the entries have the shape of the live timeline.
 *
 * <p>Decisions the contract leaves open:
 * <ul>
 *     <li>{@code viewer} is a principal id. Its role and organisation are those the access log recorded for it
 *     (see {@link KnownPrincipals}); a principal the platform has never seen is a {@code 422} naming
 *     {@code viewer}.</li>
 *     <li>A viewer that had no view then (an outsider, an unassigned regisseur, an operator, or a client the
 *     platform knew nothing of yet) is a {@code 200} with {@code "visibility": "none"}, no entries and a
 *     {@code reason}, not a {@code 403}: the auditor may ask, and "this principal saw nothing" is the answer.</li>
 *     <li>{@code asOf} is an ISO-8601 instant, not in the future: an answer about a moment still to come could
 *     change, an audit answer must not.</li>
 *     <li>{@code visibility} names the viewer's view then as the access log names views: {@code partner},
 *     {@code regisseur}, {@code auditor}, or {@code none}.</li>
 * </ul>
 * Checks in order, each refusal logged: auditor ({@code 403}), purpose ({@code 400}), every malformed field
 * ({@code 400}), unknown viewer ({@code 422}), unknown client ({@code 404}). Every request writes one access-log
 * entry, {@value #VIEW}.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AsOfTimelineController {

    static final String VIEW = "audit/timeline-as-of";

    /** The viewer as the platform knew it at {@code asOf}. */
    record Viewer(String principal, String role, String organisation) {
    }

    /**
     * @param visibility {@code partner}, {@code regisseur}, {@code auditor} or {@code none}
     * @param reason     why the viewer saw nothing; absent when it had a view
     */
    record AsOfTimelineAnswer(String bsn, Instant asOf, Viewer viewer, String visibility, String reason,
                              List<TimelineEntry> entries) {
    }

    private final AuditGate gate;
    private final KnownPrincipals principals;
    private final EventStore eventStore;
    private final ObjectMapper json;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    private final DataKeys keys;

    AsOfTimelineController(AuditGate gate, KnownPrincipals principals, EventStore eventStore, ObjectMapper json,
                           Clock clock, JdbcTemplate jdbc, DataKeys keys) {
        this.gate = gate;
        this.principals = principals;
        this.eventStore = eventStore;
        this.json = json;
        this.clock = clock;
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @GetMapping("/clients/{bsn}/timeline")
    AsOfTimelineAnswer timeline(Caller caller, @PathVariable String bsn, @RequestParam(required = false) String asOf,
                                @RequestParam(required = false) String viewer, HttpServletRequest request) {
        String purpose = gate.purpose(caller, request, VIEW);
        List<FieldError> errors = new ArrayList<>();
        String subject = gate.subject(bsn, errors);
        Instant at = asOf(asOf, errors);
        if (viewer == null || viewer.isBlank()) {
            errors.add(new FieldError("viewer", "is required: the principal whose view to rebuild, such as regisseur-1"));
        }
        if (!errors.isEmpty()) {
            gate.log(caller, subject, VIEW, purpose, AccessLog.Outcome.DENIED, request);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        Optional<Caller> known = principals.asOf(viewer, at);
        if (known.isEmpty()) {
            gate.log(caller, subject, VIEW, purpose, AccessLog.Outcome.DENIED, request);
            throw ProblemException.invalid(HttpStatus.UNPROCESSABLE_ENTITY, List.of(new FieldError("viewer",
                    "is a principal the platform has never seen: the access log holds no read by it")));
        }
        List<AsOfTimeline.Recorded> stream = dossier(subject);
        if (stream.isEmpty()) {
            gate.log(caller, subject, VIEW, purpose, AccessLog.Outcome.DENIED, request);
            throw new ProblemException(HttpStatus.NOT_FOUND, "The platform holds no data for this client.");
        }
        Caller then = known.get();
        AsOfTimeline.Result result = AsOfTimeline.fold(stream, at, then, openRegieSignal(subject, at));
        List<TimelineEntry> entries = result.entries().stream()
                .map(seen -> TimelineEntry.of(row(seen.fact()), seen.visibility())).toList();
        // logged before the answer leaves: an unlogged read must not happen
        gate.log(caller, subject, VIEW, purpose, AccessLog.Outcome.GRANTED, request);
        return new AsOfTimelineAnswer(Bsn.parse(bsn).value(), at,
                new Viewer(then.principal(), then.role().code(), then.organisation()), result.visibility(),
                result.reason(), entries);
    }

    /** The whole dossier stream from its first message: a snapshot, should one ever be taken, would hide history. */
    private List<AsOfTimeline.Recorded> dossier(String dossierId) {
        List<AsOfTimeline.Recorded> messages = new ArrayList<>();
        DomainEventStream stream = eventStore.readEvents(dossierId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            messages.add(new AsOfTimeline.Recorded(message.getTimestamp(), message.getPayload()));
        }
        return messages;
    }

    /**
     * Whether a signal routed to regie was open or in behandeling at {@code asOf}, from the client's signal stream as
     * recorded by then. The dossier does not know the signals' classes, so it reads their JSON: a raise opens a signal,
     * a resolution or a lapse closes it, an acknowledgement leaves it open. Household signals live on the household's
     * stream and are not counted here.
     */
    private boolean openRegieSignal(String dossierId, Instant asOf) {
        String stream = "signals-" + dossierId;
        Set<String> open = new HashSet<>();
        jdbc.query("SELECT sequencenumber, timestamp, payloadtype, payload FROM domainevententry "
                + "WHERE aggregateidentifier = ? ORDER BY sequencenumber", rs -> {
            if (Instant.parse(rs.getString("timestamp")).isAfter(asOf)) {
                return;
            }
            String type = rs.getString("payloadtype");
            Optional<byte[]> content = keys.decrypt(stream, rs.getLong("sequencenumber"), rs.getBytes("payload"));
            if (content.isEmpty()) {
                return;
            }
            JsonNode event = readTree(content.get());
            String signalId = event.path("signalId").asText();
            if (type.endsWith(".SignalRaised")) {
                for (JsonNode to : event.path("routedTo")) {
                    if (to.asText().equals("regie")) {
                        open.add(signalId);
                    }
                }
            } else if (type.endsWith(".SignalResolved") || type.endsWith(".SignalExpired")) {
                open.remove(signalId);
            }
        }, stream);
        return !open.isEmpty();
    }

    private JsonNode readTree(byte[] content) {
        try {
            return json.readTree(content);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the event store holds JSON (Axon's Jackson serializer)", e);
        }
    }

    /** The fact as the timeline projection stores it, so both timelines build their entries from the same row. */
    private TimelineRow row(ChainEventRecorded fact) {
        JsonNode professional = fact.professional() == null ? null : json.valueToTree(fact.professional());
        return new TimelineRow(fact.eventId(), fact.partner(), fact.type(), fact.domain(), fact.sensitivity(),
                fact.occurredAt(), fact.payload(), professional);
    }

    private Instant asOf(String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError("asOf", "is required: an ISO-8601 instant such as 2026-11-23T09:00:00Z"));
            return null;
        }
        try {
            Instant at = Instant.parse(value.strip());
            if (at.isAfter(clock.instant())) {
                errors.add(new FieldError("asOf", "must not be in the future"));
                return null;
            }
            return at;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("asOf", "must be an ISO-8601 instant such as 2026-11-23T09:00:00Z"));
            return null;
        }
    }
}
