package nl.menscentraal.dossier.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.dossier.store.ChainVerifier;
import nl.menscentraal.dossier.store.DataKeys;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.support.audit.AccessLog;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Optional;
import java.util.List;

/**
 * The Logboek Dataverwerkingen for auditors: who read which client's data, when, for what purpose, and whether it
 * was granted; and the overview a client gets on an inzage request (dates, organisations, roles, purposes, no
 * employee names). Reading the log is itself a processing of personal data, so it is logged too.
 */
@RestController
@RequestMapping("/api/v1/audit")
class AuditController {

    private static final int MAX_ENTRIES = 1000;
    /** Dutch dates for the inzage overview: the client reads it in their own time zone. */
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    record Entry(Instant at, String principal, String role, String organisation, String view, String purpose,
                 String outcome, String traceId) {
    }

    record Entries(List<Entry> entries) {
    }

    /** One access as the client sees it: when, which organisation in which role, and why. */
    record Access(LocalDate date, String organisation, String role, String purpose) {
    }

    record AccessOverview(String bsn, List<Access> accesses) {
    }

    private final JdbcTemplate jdbc;
    private final AuditGate gate;
    private final ObjectMapper json;
    private final DataKeys keys;
    private final ChainVerifier chains;

    AuditController(JdbcTemplate jdbc, AuditGate gate, ObjectMapper json, DataKeys keys, ChainVerifier chains) {
        this.jdbc = jdbc;
        this.gate = gate;
        this.json = json;
        this.keys = keys;
        this.chains = chains;
    }

    @GetMapping("/access-log")
    Entries accessLog(Caller caller, @RequestParam(required = false) String bsn,
                      @RequestParam(required = false) String principal, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, HttpServletRequest request) {
        String purpose = gate.purpose(caller, request, "audit/access-log");
        List<FieldError> errors = new ArrayList<>();
        String subject = gate.subject(bsn, errors);
        Instant since = instant(from, "from", errors);
        Instant until = instant(to, "to", errors);
        if (!errors.isEmpty()) {
            gate.log(caller, subject, "audit/access-log", purpose, AccessLog.Outcome.DENIED, request);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        StringBuilder sql = new StringBuilder("SELECT at, principal, role, organisation, view, purpose, outcome, trace_id "
                + "FROM access_log WHERE true");
        List<Object> args = new ArrayList<>();
        if (subject != null) {
            sql.append(" AND subject = ?");
            args.add(subject);
        }
        if (principal != null) {
            sql.append(" AND principal = ?");
            args.add(principal);
        }
        if (since != null) {
            sql.append(" AND at >= ?");
            args.add(Timestamp.from(since));
        }
        if (until != null) {
            sql.append(" AND at <= ?");
            args.add(Timestamp.from(until));
        }
        sql.append(" ORDER BY at DESC, id DESC LIMIT ").append(MAX_ENTRIES);
        // logged before the answer is read: this read is part of what it shows
        gate.log(caller, subject, "audit/access-log", purpose, AccessLog.Outcome.GRANTED, request);
        return new Entries(jdbc.query(sql.toString(), (rs, n) -> new Entry(rs.getTimestamp("at").toInstant(),
                rs.getString("principal"), rs.getString("role"), rs.getString("organisation"), rs.getString("view"),
                rs.getString("purpose"), rs.getString("outcome"), rs.getString("trace_id")), args.toArray()));
    }

    /**
     * One recorded message of the client's history, as stored: its stream (the dossier, or its signals), its place
     * in that stream and in the whole store, when it was recorded, its type, its content ({@code null} and
     * {@code erased} once the client's data key is destroyed) and its link in the stream's hash chain.
     */
    record HistoryEvent(long globalIndex, String stream, long sequenceNumber, String recordedAt, String type,
                        JsonNode event, boolean erased, String chainHash) {
    }

    record History(String bsn, List<HistoryEvent> events) {
    }

    /**
     * Everything recorded about the client, in the order it was recorded: every partner fact, every change of its
     * situation, every signal and every step of a signal's life. Read from the event store, not a projection.
     */
    @GetMapping("/clients/{bsn}/events")
    History events(Caller caller, @PathVariable String bsn, HttpServletRequest request) {
        OneClient client = oneClient(caller, bsn, "audit/events", request);
        String purpose = client.purpose();
        String subject = client.subject();
        String signals = "signals-" + subject;
        List<HistoryEvent> events = jdbc.query("SELECT globalindex, aggregateidentifier, sequencenumber, timestamp, "
                        + "payloadtype, payload, chainhash FROM domainevententry WHERE aggregateidentifier IN (?, ?) "
                        + "ORDER BY globalindex",
                (rs, n) -> {
                    String stream = rs.getString("aggregateidentifier");
                    long sequence = rs.getLong("sequencenumber");
                    Optional<byte[]> content = keys.decrypt(stream, sequence, rs.getBytes("payload"));
                    byte[] hash = rs.getBytes("chainhash");
                    return new HistoryEvent(rs.getLong("globalindex"), stream.equals(signals) ? "signals" : "dossier",
                            sequence, rs.getString("timestamp"), simpleName(rs.getString("payloadtype")),
                            content.map(this::read).orElse(null), content.isEmpty(),
                            hash == null ? null : HexFormat.of().formatHex(hash));
                }, subject, signals);
        if (events.isEmpty()) {
            gate.log(caller, subject, "audit/events", purpose, AccessLog.Outcome.DENIED, request);
            throw new ProblemException(HttpStatus.NOT_FOUND, "The platform holds no data for this client.");
        }
        gate.log(caller, subject, "audit/events", purpose, AccessLog.Outcome.GRANTED, request);
        return new History(Bsn.parse(bsn).value(), events);
    }

    private JsonNode read(byte[] payload) {
        try {
            return json.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException("the event store holds JSON (Axon's Jackson serializer)", e);
        }
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    /**
     * Verifies the hash chains of one client's streams (its dossier and its signals), or of every stream in the
     * store, and names the first link that does not hold. A broken link's stream is named by its pseudonym: the
     * check of all clients must not reveal BSNs.
     */
    /** {@code brokenAt} is always present: {@code null} says that every link held. */
    record Integrity(long verified, @JsonInclude(JsonInclude.Include.ALWAYS) ChainVerifier.Break brokenAt) {
    }

    @GetMapping("/integrity")
    Integrity integrity(Caller caller, @RequestParam(required = false) String bsn, HttpServletRequest request) {
        String purpose = gate.purpose(caller, request, "audit/integrity");
        List<FieldError> errors = new ArrayList<>();
        String subject = gate.subject(bsn, errors);
        if (!errors.isEmpty()) {
            gate.log(caller, null, "audit/integrity", purpose, AccessLog.Outcome.DENIED, request);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        gate.log(caller, subject, "audit/integrity", purpose, AccessLog.Outcome.GRANTED, request);
        ChainVerifier.Result result = subject == null
                ? chains.verifyAll() : chains.verify(List.of(subject, "signals-" + subject));
        return new Integrity(result.verified(), result.brokenAt());
    }

    @GetMapping("/clients/{bsn}/access-overview")
    AccessOverview accessOverview(Caller caller, @PathVariable String bsn, HttpServletRequest request) {
        OneClient client = oneClient(caller, bsn, "audit/access-overview", request);
        String purpose = client.purpose();
        String subject = client.subject();
        gate.log(caller, subject, "audit/access-overview", purpose, AccessLog.Outcome.GRANTED, request);
        List<Access> accesses = jdbc.query("""
                        SELECT at, organisation, role, purpose FROM access_log
                        WHERE subject = ? AND outcome = 'granted' ORDER BY at, id""",
                (rs, n) -> new Access(LocalDate.ofInstant(rs.getTimestamp("at").toInstant(), NETHERLANDS),
                        rs.getString("organisation"), rs.getString("role"), rs.getString("purpose")), subject);
        return new AccessOverview(Bsn.parse(bsn).value(), accesses);
    }

    /** An auditor's request about one client: its purpose, and the client's pseudonym. */
    private record OneClient(String purpose, String subject) {
    }

    private OneClient oneClient(Caller caller, String bsn, String view, HttpServletRequest request) {
        String purpose = gate.purpose(caller, request, view);
        List<FieldError> errors = new ArrayList<>();
        String subject = gate.subject(bsn, errors);
        if (!errors.isEmpty()) {
            gate.log(caller, null, view, purpose, AccessLog.Outcome.DENIED, request);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        return new OneClient(purpose, subject);
    }

    private static Instant instant(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant such as 2026-11-23T09:00:00Z"));
            return null;
        }
    }
}
