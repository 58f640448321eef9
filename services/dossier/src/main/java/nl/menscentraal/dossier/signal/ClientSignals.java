package nl.menscentraal.dossier.signal;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The dossier's own table of signals per client ({@code client_signal}), fed from the signals service's Kafka
 * announcements. The dossier never reads the signals service's tables: the topic is the boundary.
 */
@Repository
public class ClientSignals {

    private final JdbcTemplate jdbc;

    public ClientSignals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Keeps each signal's newest known state. Kafka redelivers and a consumer may see an announcement again after
     * a newer one: a row is replaced only by a higher version, so a repeat changes nothing and a stale status
     * never overwrites a newer one.
     */
    void record(List<ClientSignal> announced) {
        if (announced.isEmpty()) {
            return;
        }
        // one row per signal and client: PostgreSQL refuses to upsert a row twice in one command, and a poll can
        // hold a signal's opening and its acknowledgement
        java.util.Map<String, ClientSignal> newest = new java.util.LinkedHashMap<>();
        for (ClientSignal signal : announced) {
            newest.merge(signal.dossierId() + '/' + signal.signalId(), signal,
                    (kept, next) -> next.version() > kept.version() ? next : kept);
        }
        List<ClientSignal> signals = List.copyOf(newest.values());
        jdbc.batchUpdate("""
                        INSERT INTO client_signal (dossier_id, signal_id, rule_id, severity, routed_to, status, version, raised_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (dossier_id, signal_id) DO UPDATE SET rule_id = excluded.rule_id,
                            severity = excluded.severity, routed_to = excluded.routed_to, status = excluded.status,
                            version = excluded.version, raised_at = excluded.raised_at
                        WHERE client_signal.version < excluded.version""",
                signals, signals.size(), (ps, s) -> {
                    ps.setString(1, s.dossierId());
                    ps.setObject(2, s.signalId());
                    ps.setString(3, s.ruleId());
                    ps.setString(4, s.severity());
                    ps.setArray(5, ps.getConnection().createArrayOf("varchar", s.routedTo().toArray()));
                    ps.setString(6, s.status());
                    ps.setInt(7, s.version());
                    ps.setTimestamp(8, Timestamp.from(s.raisedAt()));
                });
    }

    /** Whether a signal about the client routed to this recipient is open or in behandeling. */
    public boolean anyActiveRoutedTo(String dossierId, String recipient) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                        SELECT EXISTS (SELECT 1 FROM client_signal
                                       WHERE dossier_id = ? AND ? = ANY(routed_to) AND status IN ('open', 'in-behandeling'))""",
                Boolean.class, dossierId, recipient));
    }

    /**
     * The client's signals that are open or in behandeling, newest first.
     *
     * @param recipient only those routed to this recipient ({@code regie} or a partner id); {@code null} for all
     */
    public List<ClientSignal> active(String dossierId, String recipient) {
        StringBuilder sql = new StringBuilder("""
                SELECT * FROM client_signal WHERE dossier_id = ? AND status IN ('open', 'in-behandeling')""");
        List<Object> args = new ArrayList<>(List.of(dossierId));
        if (recipient != null) {
            sql.append(" AND ? = ANY(routed_to)");
            args.add(recipient);
        }
        sql.append(" ORDER BY raised_at DESC, signal_id");
        return jdbc.query(sql.toString(), ClientSignals::row, args.toArray());
    }

    private static ClientSignal row(ResultSet rs, int n) throws SQLException {
        Array routedTo = rs.getArray("routed_to");
        return new ClientSignal(rs.getString("dossier_id"), rs.getObject("signal_id", UUID.class), rs.getString("rule_id"),
                rs.getString("severity"), Arrays.asList((String[]) routedTo.getArray()), rs.getString("status"),
                rs.getInt("version"), rs.getTimestamp("raised_at").toInstant());
    }
}
