package nl.menscentraal.signals.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The signals read model (table {@code signal}). */
@Component
public class SignalRepository {

    /** A signal with where it lives: its subject and stream. */
    public record Stored(SignalView view, String subjectId, List<String> members) {
        public String streamId() {
            return "signals-" + subjectId;
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    SignalRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The id, rule and status of one of a subject's signals. */
    public record Existing(UUID signalId, String ruleId, String status) {
    }

    public List<Existing> ofSubject(String subjectId) {
        return jdbc.query("SELECT signal_id, rule_id, status FROM signal WHERE subject_id = ?",
                (rs, n) -> new Existing(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)), subjectId);
    }

    public Optional<Stored> find(UUID signalId) {
        return jdbc.query("SELECT * FROM signal WHERE signal_id = ?", this::stored, signalId).stream().findFirst();
    }

    /**
     * @param routedTo only signals routed to this recipient ({@code regie} or a partner id); {@code null} for all
     * @param memberId only signals about this client (alone or in a household); {@code null} for all
     */
    public List<Stored> list(String routedTo, String status, String ruleId, String memberId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM signal WHERE true");
        List<Object> args = new ArrayList<>();
        if (routedTo != null) {
            sql.append(" AND ? = ANY(routed_to)");
            args.add(routedTo);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            args.add(status);
        }
        if (ruleId != null) {
            sql.append(" AND rule_id = ?");
            args.add(ruleId);
        }
        if (memberId != null) {
            sql.append(" AND ? = ANY(members)");
            args.add(memberId);
        }
        sql.append(" ORDER BY raised_at DESC, signal_id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::stored, args.toArray());
    }

    void insert(SignalView view, String subjectId, List<String> members) {
        jdbc.update(con -> {
            var ps = con.prepareStatement("""
                    INSERT INTO signal (signal_id, subject_id, members, subject, rule_id, rule_version, severity, raised_at,
                        based_on, explanation, routed_to, status, history, updated_at)
                    VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?)
                    ON CONFLICT (signal_id) DO NOTHING""");
            ps.setObject(1, view.signalId());
            ps.setString(2, subjectId);
            ps.setArray(3, con.createArrayOf("varchar", members.toArray()));
            ps.setString(4, write(view.subject()));
            ps.setString(5, view.ruleId());
            ps.setInt(6, view.ruleVersion());
            ps.setString(7, view.severity());
            ps.setTimestamp(8, Timestamp.from(view.raisedAt()));
            ps.setString(9, write(view.basedOn()));
            ps.setString(10, view.explanation());
            ps.setArray(11, con.createArrayOf("varchar", view.routedTo().toArray()));
            ps.setString(12, view.status());
            ps.setString(13, write(view.history()));
            ps.setTimestamp(14, Timestamp.from(view.raisedAt()));
            return ps;
        });
    }

    void step(UUID signalId, SignalView.Step step) {
        jdbc.update("UPDATE signal SET status = ?, history = history || ?::jsonb, updated_at = ? WHERE signal_id = ?",
                step.status(), write(List.of(step)), Timestamp.from(step.at()), signalId);
    }

    private Stored stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        SignalView view = new SignalView(rs.getObject("signal_id", UUID.class), rs.getString("rule_id"),
                rs.getInt("rule_version"), rs.getString("severity"), read(rs.getString("subject"), new TypeReference<ObjectNode>() { }),
                rs.getTimestamp("raised_at").toInstant(), read(rs.getString("based_on"), new TypeReference<List<UUID>>() { }),
                rs.getString("explanation"), strings(rs.getArray("routed_to")), rs.getString("status"),
                read(rs.getString("history"), new TypeReference<List<SignalView.Step>>() { }));
        return new Stored(view, rs.getString("subject_id"), strings(rs.getArray("members")));
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a signal's parts always serialise", e);
        }
    }

    private <T> T read(String value, TypeReference<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the signal table holds JSON it wrote", e);
        }
    }

}
