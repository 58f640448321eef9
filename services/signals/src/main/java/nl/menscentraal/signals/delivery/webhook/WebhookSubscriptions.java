package nl.menscentraal.signals.delivery.webhook;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook subscriptions and their deliveries as the API shows them. Secrets go in, never out. */
@Repository
class WebhookSubscriptions {

    /** Listing is for finding what went wrong lately, not an export: the newest rows are enough. */
    static final int DELIVERY_LIST_LIMIT = 1000;

    private static final String COLUMNS = "id, organisation, created_by, callback_url, rule_ids, min_severity, created_at";

    /** A subscription without its secret. {@code ruleIds} and {@code minSeverity} are {@code null} for "all". */
    record Subscription(UUID id, String organisation, String createdBy, String callbackUrl, List<String> ruleIds,
                        String minSeverity, Instant createdAt) {
    }

    /** One delivery of one signal change to one subscription. */
    record Delivery(UUID signalId, String signalStatus, String state, int attempts, String lastError,
                    Instant nextAttemptAt, Instant deliveredAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    WebhookSubscriptions(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Subscription create(String organisation, String createdBy, String callbackUrl, String secret, List<String> ruleIds,
                        String minSeverity) {
        // Microseconds: what PostgreSQL keeps, so the answer equals what a later listing shows.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        List<String> rules = ruleIds == null ? null : List.copyOf(ruleIds);
        jdbc.update("""
                        INSERT INTO webhook_subscription (id, organisation, created_by, callback_url, secret, rule_ids,
                                                          min_severity, created_at)
                        VALUES (?, ?, ?, ?, ?, ?::text[], ?, ?)""",
                id, organisation, createdBy, callbackUrl, secret, rules == null ? null : rules.toArray(String[]::new),
                minSeverity, utc(now));
        return new Subscription(id, organisation, createdBy, callbackUrl, rules, minSeverity, now);
    }

    /** The subscriptions of one organisation, or of all when {@code organisation} is {@code null}; oldest first. */
    List<Subscription> list(String organisation) {
        return organisation == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription ORDER BY created_at, id",
                        SUBSCRIPTION)
                : jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE organisation = ?"
                        + " ORDER BY created_at, id", SUBSCRIPTION, organisation);
    }

    Optional<Subscription> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM webhook_subscription WHERE id = ?", SUBSCRIPTION, id)
                .stream().findFirst();
    }

    /** A subscription's deliveries, newest first; only those in {@code state} unless it is {@code null}. */
    List<Delivery> deliveries(UUID subscriptionId, String state) {
        return jdbc.query("""
                        SELECT signal_id, signal_status, state, attempts, last_error, next_attempt_at, delivered_at
                        FROM webhook_delivery
                        WHERE subscription_id = ? AND (?::varchar IS NULL OR state = ?::varchar)
                        ORDER BY id DESC
                        LIMIT ?""",
                DELIVERY, subscriptionId, state, state, DELIVERY_LIST_LIMIT);
    }

    private static final RowMapper<Subscription> SUBSCRIPTION = (rs, row) -> new Subscription(
            rs.getObject("id", UUID.class), rs.getString("organisation"), rs.getString("created_by"),
            rs.getString("callback_url"), strings(rs.getArray("rule_ids")), rs.getString("min_severity"),
            instant(rs, "created_at"));

    private static final RowMapper<Delivery> DELIVERY = (rs, row) -> new Delivery(
            rs.getObject("signal_id", UUID.class), rs.getString("signal_status"), rs.getString("state"),
            rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "next_attempt_at"),
            instant(rs, "delivered_at"));

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
