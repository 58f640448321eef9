package nl.menscentraal.dossier.erasure;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.dossier.chain.api.PartnerInvolvement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Enforces retention: erases every client whose retention has passed ({@link RetentionPolicy}), with the reason
 * "bewaartermijn verstreken". One instance sweeps at a time (a PostgreSQL advisory lock); the others skip.
 */
@Component
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionSweep {

    static final String REASON = "bewaartermijn verstreken";
    private static final Logger log = LoggerFactory.getLogger(RetentionSweep.class);
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");
    private static final long LOCK = 0x6d632d7265746eL; // "mc-retn"
    private static final TypeReference<List<PartnerInvolvement>> INVOLVEMENTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Erasures erasures;
    private final RetentionProperties properties;
    private final ObjectMapper json;
    private final Clock clock;

    RetentionSweep(JdbcTemplate jdbc, Erasures erasures, RetentionProperties properties, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.erasures = erasures;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(cron = "${mens-centraal.retention.cron:0 30 2 * * *}", zone = "Europe/Amsterdam")
    void daily() {
        if (properties.enforce()) {
            int erased = sweep();
            log.info("Retention sweep erased {} clients", erased);
        }
    }

    /** @return how many clients were erased; 0 when another instance is sweeping */
    int sweep() {
        return jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                lock.setLong(1, LOCK);
                try (ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !rs.getBoolean(1)) {
                        return 0;
                    }
                }
            }
            try {
                return eraseDue();
            } finally {
                try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    unlock.setLong(1, LOCK);
                    unlock.execute();
                }
            }
        });
    }

    private int eraseDue() {
        RetentionPolicy policy = properties.policy();
        LocalDate today = LocalDate.ofInstant(clock.instant(), NETHERLANDS);
        // only clients no partner is involved with now can be due; the policy decides the rest
        List<String> due = new ArrayList<>();
        jdbc.query("""
                SELECT s.dossier_id, s.involvements::text AS involvements,
                       (SELECT array_agg(DISTINCT t.type) FROM timeline_entry t WHERE t.dossier_id = s.dossier_id) AS types,
                       (SELECT max(t.recorded_at) FROM timeline_entry t WHERE t.dossier_id = s.dossier_id) AS last_recorded
                FROM client_summary s
                WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(s.involvements) i WHERE i->>'until' IS NULL)""",
                rs -> {
                    String dossierId = rs.getString("dossier_id");
                    List<PartnerInvolvement> involvements = involvements(rs.getString("involvements"));
                    java.sql.Array types = rs.getArray("types");
                    List<String> typeList = types == null ? List.of() : List.of((String[]) types.getArray());
                    OffsetDateTime lastRecorded = rs.getObject("last_recorded", OffsetDateTime.class);
                    policy.erasableFrom(involvements, typeList, lastRecorded)
                            .filter(from -> !from.isAfter(today))
                            .ifPresent(from -> due.add(dossierId));
                });
        due.forEach(dossierId -> erasures.erase(dossierId, REASON));
        return due.size();
    }

    private List<PartnerInvolvement> involvements(String text) {
        try {
            return json.readValue(text, INVOLVEMENTS);
        } catch (IOException e) {
            throw new IllegalStateException("client_summary.involvements is not the list the projection writes", e);
        }
    }
}
