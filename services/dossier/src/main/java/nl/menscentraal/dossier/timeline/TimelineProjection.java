package nl.menscentraal.dossier.timeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.DossierErased;
import nl.menscentraal.dossier.batching.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Every recorded fact as a timeline row, content included; what a reader sees of it is decided when it is
 * read. Idempotent, because a processor may handle an event again after a crash or during a replay. Rows of
 * one processing batch are inserted in one JDBC batch.
 */
@Component
@ProcessingGroup("client-views")
public class TimelineProjection {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public TimelineProjection(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(ChainEventRecorded event) throws JsonProcessingException {
        Object[] row = {event.dossierId(), event.eventId(), event.partner(), event.type(), event.domain(),
                event.sensitivity().code(), Timestamp.from(event.occurredAt().toInstant()),
                event.occurredAt().getOffset().getTotalSeconds(), Timestamp.from(event.recordedAt()),
                objectMapper.writeValueAsString(event.payload()),
                event.professional() == null ? null : objectMapper.writeValueAsString(event.professional())};
        BatchedWrites.add("timeline-rows", row, rows -> jdbc.batchUpdate("""
                INSERT INTO timeline_entry (dossier_id, event_id, partner, type, domain, sensitivity,
                    occurred_at, occurred_at_offset_seconds, recorded_at, payload, professional)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)
                ON CONFLICT DO NOTHING""", rows));
    }

    /**
     * The client's rows go; a fact recorded after the erasure (later in the same batch) stays. Deleted after the
     * batch's inserts, which were queued before this.
     */
    @EventHandler
    void on(DossierErased event) {
        BatchedWrites.add("timeline-erasures", new Object[]{event.dossierId(), Timestamp.from(event.erasedAt())},
                rows -> jdbc.batchUpdate("DELETE FROM timeline_entry WHERE dossier_id = ? AND recorded_at <= ?", rows));
    }

    @ResetHandler
    void reset() {
        // TRUNCATE, not DELETE: a rebuild at national scale empties tens of millions of rows
        jdbc.execute("TRUNCATE timeline_entry");
    }
}
