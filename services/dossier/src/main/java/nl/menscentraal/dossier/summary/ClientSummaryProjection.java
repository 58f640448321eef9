package nl.menscentraal.dossier.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.DossierErased;
import nl.menscentraal.dossier.batching.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The latest situation per client. Each event carries the whole situation, so the last one wins. */
@Component
@ProcessingGroup("client-views")
public class ClientSummaryProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public ClientSummaryProjection(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(ClientSituationChanged event, @Timestamp Instant at) throws JsonProcessingException {
        Object[] row = {event.dossierId(), objectMapper.writeValueAsString(event.involvements()),
                objectMapper.writeValueAsString(event.activeProblems()), event.regisseurId(),
                java.sql.Timestamp.from(at), objectMapper.writeValueAsString(event.consents())};
        BatchedWrites.add("summary-rows", row, this::upsertLatest);
    }

    /** One row per client: within a batch only a client's last situation counts. */
    private void upsertLatest(List<Object[]> rows) {
        Map<Object, Object[]> latest = new LinkedHashMap<>();
        rows.forEach(r -> latest.put(r[0], r));
        jdbc.batchUpdate("""
                        INSERT INTO client_summary (dossier_id, involvements, problems, regisseur_id, updated_at, consents)
                        VALUES (?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb)
                        ON CONFLICT (dossier_id) DO UPDATE SET involvements = excluded.involvements,
                            problems = excluded.problems, regisseur_id = excluded.regisseur_id,
                            updated_at = excluded.updated_at, consents = excluded.consents
                        WHERE client_summary.updated_at <= excluded.updated_at""",
                List.copyOf(latest.values()));
    }

    /**
     * After the batch's upserts, which were queued before this; a later situation (a new fact) stays. Compared by
     * the store's timestamps, as {@code updated_at} is.
     */
    @EventHandler
    void on(DossierErased event, @Timestamp Instant at) {
        BatchedWrites.add("summary-erasures", new Object[]{event.dossierId(), java.sql.Timestamp.from(at)},
                rows -> jdbc.batchUpdate("DELETE FROM client_summary WHERE dossier_id = ? AND updated_at <= ?", rows));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE client_summary");
    }
}
