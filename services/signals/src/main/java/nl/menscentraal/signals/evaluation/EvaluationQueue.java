package nl.menscentraal.signals.evaluation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue of subjects to evaluate (table {@code signal_wakeup}): at once after new facts, or later when
 * a deadline passes. It survives restarts, and instances take subjects with {@code FOR UPDATE SKIP LOCKED}, so a
 * deadline is evaluated by exactly one instance however many run.
 */
@Component
class EvaluationQueue {

    record Due(String subjectId, List<String> members) {
    }

    private final JdbcTemplate jdbc;

    EvaluationQueue(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Evaluate these subjects no later than {@code at}: an earlier wake-up already queued is kept. */
    void due(List<Due> subjects, Instant at) {
        jdbc.batchUpdate("""
                        INSERT INTO signal_wakeup (subject_id, members, due_at) VALUES (?, ?, ?)
                        ON CONFLICT (subject_id) DO UPDATE SET members = EXCLUDED.members,
                            due_at = LEAST(signal_wakeup.due_at, EXCLUDED.due_at)""",
                subjects, subjects.size(), (ps, d) -> {
                    ps.setString(1, d.subjectId());
                    ps.setArray(2, ps.getConnection().createArrayOf("varchar", d.members().toArray()));
                    ps.setTimestamp(3, Timestamp.from(at));
                });
    }

    /** Takes the subject due first and locks it until the caller's transaction ends. */
    Optional<Due> claimNext(Instant now) {
        return jdbc.query("""
                        SELECT subject_id, members FROM signal_wakeup WHERE due_at <= ?
                        ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED""",
                (rs, n) -> new Due(rs.getString("subject_id"), Arrays.asList((String[]) rs.getArray("members").getArray())),
                Timestamp.from(now)).stream().findFirst();
    }

    /** After an evaluation: wake up again at the next deadline, or not at all. */
    void done(String subjectId, Optional<Instant> next) {
        if (next.isPresent()) {
            jdbc.update("UPDATE signal_wakeup SET due_at = ? WHERE subject_id = ?", Timestamp.from(next.get()), subjectId);
        } else {
            jdbc.update("DELETE FROM signal_wakeup WHERE subject_id = ?", subjectId);
        }
    }

    /** After a failed evaluation: try again later rather than at once and forever. */
    void retryLater(String subjectId, Instant at) {
        jdbc.update("UPDATE signal_wakeup SET due_at = ? WHERE subject_id = ?", Timestamp.from(at), subjectId);
    }

    Optional<Instant> dueAt(String subjectId) {
        return jdbc.query("SELECT due_at FROM signal_wakeup WHERE subject_id = ?",
                (rs, n) -> rs.getTimestamp(1).toInstant(), subjectId).stream().findFirst();
    }
}
