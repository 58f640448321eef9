package nl.menscentraal.dossier.household;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.dossier.batching.BatchedWrites;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.DossierErased;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.events.Bsn;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.TreeSet;

/**
 * Each client's household as the latest {@code huishouden-vastgesteld} in business time states it, whichever
 * member's dossier it was recorded in: a row per member pointing at the stating fact. Partners deliver late, so a
 * backdated statement never replaces a newer one. The row holds pseudonyms only; the members' BSNs stay in the
 * fact itself (its timeline row), which is read with it.
 *
 * <p>In {@code client-views} with the timeline, so the fact's timeline row is written in the same transaction.
 */
@Component
@ProcessingGroup("client-views")
class HouseholdProjection {

    static final String HOUSEHOLD_SET = "werk-inkomen.huishouden-vastgesteld";

    private final JdbcTemplate jdbc;
    private final ClientPseudonyms pseudonyms;

    HouseholdProjection(JdbcTemplate jdbc, ClientPseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    @EventHandler
    void on(ChainEventRecorded event) {
        if (!HOUSEHOLD_SET.equals(event.type())) {
            return;
        }
        // the catalogue lists the fact's own client among leden; it is a member even where a partner left it out
        Set<String> members = new TreeSet<>(Set.of(event.dossierId()));
        for (JsonNode lid : event.payload().path("leden")) {
            if (Bsn.isValid(lid.asText())) {
                members.add(pseudonyms.of(Bsn.parse(lid.asText())));
            }
        }
        String[] memberArray = members.toArray(String[]::new);
        Timestamp setAt = Timestamp.from(event.occurredAt().toInstant());
        for (String member : members) {
            BatchedWrites.add("household-rows", new Object[]{member, memberArray, event.dossierId(), event.eventId(), setAt},
                    this::upsertLatest);
        }
    }

    /**
     * One row per member and statement: PostgreSQL refuses to upsert a row twice in one command, and a batch can hold
     * two statements naming the same member. The latest in business time wins, as it does across batches.
     */
    private void upsertLatest(List<Object[]> rows) {
        Map<Object, Object[]> latest = new LinkedHashMap<>();
        for (Object[] row : rows) {
            latest.merge(row[0], row, (kept, next) -> ((Timestamp) next[4]).before((Timestamp) kept[4]) ? kept : next);
        }
        jdbc.batchUpdate("""
                INSERT INTO household_member (member_id, members, source_dossier_id, source_event_id, set_at)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (member_id) DO UPDATE SET members = excluded.members,
                    source_dossier_id = excluded.source_dossier_id, source_event_id = excluded.source_event_id,
                    set_at = excluded.set_at
                WHERE household_member.set_at <= excluded.set_at""", List.copyOf(latest.values()));
    }

    /**
     * Every household the client was in is forgotten, the other members' rows too: they name the erased client.
     * After the batch's upserts, queued before this.
     */
    @EventHandler
    void on(DossierErased event) {
        BatchedWrites.add("household-erasures", event.dossierId(), ids -> ids.forEach(id ->
                jdbc.update("DELETE FROM household_member WHERE member_id = ? OR ? = ANY (members)", id, id)));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE household_member");
    }
}
