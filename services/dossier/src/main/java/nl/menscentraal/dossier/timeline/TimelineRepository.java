package nl.menscentraal.dossier.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.events.Sensitivity;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@Repository
public class TimelineRepository {

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public TimelineRepository(NamedParameterJdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    /** Ordered by {@code occurredAt}; ties in recording order. */
    public List<TimelineRow> find(TimelineQuery query) {
        StringBuilder sql = new StringBuilder("""
                SELECT event_id, partner, type, domain, sensitivity, occurred_at, occurred_at_offset_seconds,
                       payload, professional
                FROM timeline_entry WHERE dossier_id = :dossier""");
        MapSqlParameterSource params = new MapSqlParameterSource("dossier", query.dossierId());
        if (query.from() != null) {
            sql.append(" AND occurred_at >= :from");
            params.addValue("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND occurred_at < :to");
            params.addValue("to", Timestamp.from(query.to()));
        }
        if (query.domain() != null) {
            sql.append(" AND domain = :domain");
            params.addValue("domain", query.domain());
        }
        sql.append(" ORDER BY occurred_at, recorded_at, event_id");
        return jdbc.query(sql.toString(), params, this::row);
    }

    /** The partners that recorded facts about the client: who may read it as a partner. */
    public Set<String> partnersWithFacts(String dossierId) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT DISTINCT partner FROM timeline_entry WHERE dossier_id = :dossier",
                new MapSqlParameterSource("dossier", dossierId), String.class));
    }

    private TimelineRow row(ResultSet rs, int i) throws SQLException {
        OffsetDateTime occurredAt = rs.getTimestamp("occurred_at").toInstant()
                .atOffset(ZoneOffset.ofTotalSeconds(rs.getInt("occurred_at_offset_seconds")));
        return new TimelineRow(rs.getObject("event_id", UUID.class), rs.getString("partner"), rs.getString("type"),
                rs.getString("domain"), Sensitivity.fromCode(rs.getString("sensitivity")), occurredAt,
                json(rs.getString("payload")), json(rs.getString("professional")));
    }

    private JsonNode json(String value) {
        if (value == null) {
            return null;
        }
        try {
            return objectMapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timeline row holds invalid JSON", e);
        }
    }
}
