package nl.menscentraal.support.audit;

import nl.menscentraal.events.FieldError;
import nl.menscentraal.support.security.Caller;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Logboek Dataverwerkingen: one entry per read of client data, granted or denied, written before the
 * answer leaves. If the entry cannot be written the read fails: an unlogged read must not happen.
 */
public class AccessLog {

    public enum Outcome { GRANTED, DENIED }

    /** What an auditor may state in {@code X-Purpose} (privacy.md); without one of these an auditor reads nothing. */
    public static final Set<String> AUDIT_PURPOSES = Set.of("toezicht", "klacht", "inzageverzoek", "incident");

    /** The field error an auditor gets without a valid purpose. */
    public static FieldError missingPurpose() {
        return new FieldError("X-Purpose", "auditors must state a purpose: one of "
                + String.join(", ", AUDIT_PURPOSES.stream().sorted().toList()));
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AccessLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param subject the client's pseudonym, or {@code null} when the request named no valid BSN
     * @param view    what was asked for, e.g. {@code timeline/partner}
     */
    public void write(Caller caller, String subject, String view, String purpose, Outcome outcome, String traceId) {
        jdbc.update("""
                        INSERT INTO access_log (at, principal, role, organisation, subject, view, purpose, outcome, trace_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Timestamp.from(clock.instant()), caller.principal(), caller.role().code(), caller.organisation(),
                subject, view, purpose, outcome.name().toLowerCase(), traceId);
    }

    /** The W3C trace id of the request's {@code traceparent} header, or a fresh one, so entries can be correlated. */
    public static String traceId(String traceparent) {
        if (traceparent != null && traceparent.length() >= 35) {
            return traceparent.substring(3, 35);
        }
        return UUID.randomUUID().toString().replace("-", "");
    }
}
