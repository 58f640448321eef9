package nl.menscentraal.signals.evaluation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Households as werk-inkomen last set them (in business time). A household is a subject of its own for the
 * household rules, named by a hash of its members' pseudonyms.
 */
@Component
public class Households {

    /** @param members dossier ids, sorted; {@code bsns} in the same order */
    public record Household(String id, List<String> members, List<String> bsns) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    Households(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records a household for each member, unless a household set later in business time is already recorded. */
    void set(Map<String, String> bsnByMember, OffsetDateTime setAt) {
        List<String> members = bsnByMember.keySet().stream().sorted().toList();
        List<String> bsns = members.stream().map(bsnByMember::get).toList();
        String bsnJson;
        try {
            bsnJson = json.writeValueAsString(bsns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings always serialises", e);
        }
        for (String member : members) {
            jdbc.update("""
                            INSERT INTO signal_household (member_id, members, bsns, set_at) VALUES (?, ?, ?::jsonb, ?)
                            ON CONFLICT (member_id) DO UPDATE SET members = EXCLUDED.members, bsns = EXCLUDED.bsns,
                                set_at = EXCLUDED.set_at
                            WHERE signal_household.set_at <= EXCLUDED.set_at""",
                    member, members.toArray(String[]::new), bsnJson, Timestamp.from(setAt.toInstant()));
        }
    }

    public Optional<Household> of(String memberId) {
        return jdbc.query("SELECT members, bsns FROM signal_household WHERE member_id = ?", (rs, n) -> {
            List<String> members = Arrays.asList((String[]) rs.getArray("members").getArray());
            return new Household(idOf(members), members, readBsns(rs.getString("bsns")));
        }, memberId).stream().findFirst();
    }

    /** The households of any of these members. */
    public List<Household> ofAny(List<String> memberIds) {
        return jdbc.query(con -> {
            var statement = con.prepareStatement("SELECT DISTINCT members, bsns::text AS bsns FROM signal_household WHERE member_id = ANY(?)");
            Array ids = con.createArrayOf("varchar", memberIds.toArray());
            statement.setArray(1, ids);
            return statement;
        }, (rs, n) -> {
            List<String> members = Arrays.asList((String[]) rs.getArray("members").getArray());
            return new Household(idOf(members), members, readBsns(rs.getString("bsns")));
        });
    }

    /** Every household, for a backtest. */
    List<Household> all() {
        return jdbc.query("SELECT DISTINCT members, bsns::text AS bsns FROM signal_household", (rs, n) -> {
            List<String> members = Arrays.asList((String[]) rs.getArray("members").getArray());
            return new Household(idOf(members), members, readBsns(rs.getString("bsns")));
        });
    }

    private List<String> readBsns(String value) {
        try {
            return Arrays.asList(json.readValue(value, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("signal_household.bsns holds a JSON list", e);
        }
    }

    static String idOf(List<String> sortedMembers) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(sortedMembers.stream().collect(Collectors.joining(",")).getBytes(StandardCharsets.UTF_8));
            return "hh-" + HexFormat.of().formatHex(hash).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
