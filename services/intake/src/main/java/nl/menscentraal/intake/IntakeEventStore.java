package nl.menscentraal.intake;

import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The intake's idempotency keys and statuses in PostgreSQL. Every method is one auto-committed
 * statement: a claim must be durable <em>before</em> the record goes to Kafka, so that a crash between
 * the two leaves a {@code pending} row that the partner's retry completes.
 */
@Repository("intakeEventStore")
@DependsOn("intakeSchema")
class IntakeEventStore {

    private static final RowMapper<StoredEvent> ROW = (rs, n) -> new StoredEvent(
            rs.getString("partner"),
            rs.getObject("event_id", UUID.class),
            rs.getString("fingerprint"),
            IntakeStatus.fromCode(rs.getString("status")),
            rs.getString("reason"),
            rs.getObject("received_at", OffsetDateTime.class),
            rs.getObject("updated_at", OffsetDateTime.class));

    private final NamedParameterJdbcTemplate jdbc;

    IntakeEventStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What a request may do with an eventId it wants to publish. */
    record Claim(Kind kind, OffsetDateTime receivedAt) {
        enum Kind {
            /** Send it to Kafka: the row is new, or an earlier attempt never got Kafka's acknowledgement. */
            SEND,
            /** The same content is already on Kafka (or further). */
            DUPLICATE,
            /** The eventId was used before for other content. */
            CONFLICT
        }
    }

    /**
     * Claims {@code (partner, eventId)} for content with this fingerprint. A new row starts as
     * {@code pending} with {@code receivedAt = now}; for a pending row the original receivedAt is
     * returned, so a re-send carries exactly the record of the first attempt.
     */
    Claim claim(String partner, UUID eventId, String fingerprint, OffsetDateTime now) {
        return claimAll(partner, List.of(new Wanted(eventId, fingerprint)), now).get(eventId);
    }

    private static Claim claimOnExisting(StoredEvent existing, String fingerprint, OffsetDateTime now) {
        if (existing.fingerprint() != null && !existing.fingerprint().equals(fingerprint)) {
            return new Claim(Claim.Kind.CONFLICT, existing.receivedAt());
        }
        if (existing.status() == IntakeStatus.PENDING) {
            return new Claim(Claim.Kind.SEND, existing.receivedAt() != null ? existing.receivedAt() : now);
        }
        // Also a row that a status message created without fingerprint: the dossier already has this
        // eventId and would drop another copy, so sending it again cannot help.
        return new Claim(Claim.Kind.DUPLICATE, existing.receivedAt());
    }

    /** One eventId of a batch and the fingerprint of its content. */
    record Wanted(UUID eventId, String fingerprint) {
    }

    /**
     * {@link #claim} for a whole batch in two statements instead of two per item: one insert of every new
     * row (returning which were new), one read of the rows that already existed (rows are never deleted,
     * so they are there to read). The eventIds must be distinct.
     */
    Map<UUID, Claim> claimAll(String partner, List<Wanted> wanted, OffsetDateTime now) {
        Map<UUID, Claim> claims = new HashMap<>();
        if (wanted.isEmpty()) {
            return claims;
        }
        List<UUID> inserted = jdbc.getJdbcOperations().execute((Connection connection) -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into intake_event (partner, event_id, fingerprint, status, received_at, updated_at)
                    select ?, w.event_id, w.fingerprint, 'pending', ?, ?
                    from unnest(?::uuid[], ?::text[]) as w(event_id, fingerprint)
                    on conflict (partner, event_id) do nothing
                    returning event_id""")) {
                insert.setString(1, partner);
                insert.setObject(2, now);
                insert.setObject(3, now);
                insert.setArray(4, connection.createArrayOf("uuid", wanted.stream().map(Wanted::eventId).toArray()));
                insert.setArray(5, connection.createArrayOf("text", wanted.stream().map(Wanted::fingerprint).toArray()));
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
        inserted.forEach(id -> claims.put(id, new Claim(Claim.Kind.SEND, now)));
        List<UUID> existing = wanted.stream().map(Wanted::eventId).filter(id -> !claims.containsKey(id)).toList();
        if (!existing.isEmpty()) {
            Map<UUID, String> fingerprints = new HashMap<>();
            wanted.forEach(w -> fingerprints.put(w.eventId(), w.fingerprint()));
            jdbc.query("select * from intake_event where partner = :partner and event_id in (:eventIds)",
                            new MapSqlParameterSource("partner", partner).addValue("eventIds", existing), ROW)
                    .forEach(row -> claims.put(row.eventId(), claimOnExisting(row, fingerprints.get(row.eventId()), now)));
        }
        return claims;
    }

    /** Kafka acknowledged these events; rows the dossier already finished stay as they are. */
    void markAccepted(String partner, Collection<UUID> eventIds, OffsetDateTime now) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbc.update("""
                update intake_event set status = 'accepted', updated_at = :now
                where partner = :partner and event_id in (:eventIds) and status = 'pending'""",
                new MapSqlParameterSource("partner", partner).addValue("eventIds", eventIds).addValue("now", now));
    }

    /**
     * Applies the dossier's outcome. Recorded and rejected are final, so only {@code pending} and
     * {@code accepted} rows change and a redelivered message is a no-op. An event published straight to
     * Kafka has no row yet: it gets one, so its partner can ask for its status too.
     */
    /**
     * Applies the dossier's outcomes in one statement batch. Only a client's last outcome per event counts,
     * and only {@code pending} / {@code accepted} rows change, so a redelivered outcome changes nothing.
     */
    void applyOutcomes(Collection<EventStatusMessage> outcomes) {
        Map<String, MapSqlParameterSource> latest = new LinkedHashMap<>();
        for (EventStatusMessage m : outcomes) {
            if (m.status() != IntakeStatus.RECORDED && m.status() != IntakeStatus.REJECTED) {
                throw new IllegalArgumentException("not a final status: " + m.status());
            }
            // one row may appear once per statement: PostgreSQL refuses to update a row twice in one INSERT
            latest.put(m.partner() + ':' + m.eventId(), key(m.partner(), m.eventId())
                    .addValue("fingerprint", m.fingerprint()).addValue("status", m.status().code())
                    .addValue("reason", m.reason()).addValue("at", m.at()));
        }
        if (latest.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                insert into intake_event (partner, event_id, fingerprint, status, reason, received_at, updated_at)
                values (:partner, :eventId, :fingerprint, :status, :reason, null, :at)
                on conflict (partner, event_id) do update
                    set status = excluded.status,
                        reason = excluded.reason,
                        fingerprint = coalesce(intake_event.fingerprint, excluded.fingerprint),
                        updated_at = excluded.updated_at
                    where intake_event.status in ('pending', 'accepted')""",
                latest.values().toArray(MapSqlParameterSource[]::new));
    }

    Optional<StoredEvent> find(String partner, UUID eventId) {
        return jdbc.query("select * from intake_event where partner = :partner and event_id = :eventId",
                key(partner, eventId), ROW).stream().findFirst();
    }

    private static MapSqlParameterSource key(String partner, UUID eventId) {
        return new MapSqlParameterSource("partner", partner).addValue("eventId", eventId);
    }
}
