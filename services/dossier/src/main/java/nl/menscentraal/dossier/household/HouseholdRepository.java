package nl.menscentraal.dossier.household;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.events.Bsn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
public class HouseholdRepository {

    /**
     * A client's household as stated by a fact.
     *
     * @param members       every member, the client included, in the order the stating fact lists them
     * @param establishedAt when the stating fact occurred, with the offset its partner sent
     */
    public record Household(List<Member> members, OffsetDateTime establishedAt) {
    }

    /** @param bsn {@code null} when the stating fact did not list this member's BSN (only its own client can be) */
    public record Member(String dossierId, String bsn) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;
    private final ClientPseudonyms pseudonyms;

    public HouseholdRepository(JdbcTemplate jdbc, ObjectMapper objectMapper, ClientPseudonyms pseudonyms) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
        this.pseudonyms = pseudonyms;
    }

    /**
     * The client's household, or empty when no fact has stated one. The members' BSNs are read from the stating
     * fact, so a fact whose timeline row is gone states no household any more.
     */
    public Optional<Household> of(String dossierId) {
        return jdbc.query("""
                        SELECT h.members, t.payload, t.occurred_at, t.occurred_at_offset_seconds
                        FROM household_member h
                        JOIN timeline_entry t ON t.dossier_id = h.source_dossier_id AND t.event_id = h.source_event_id
                        WHERE h.member_id = ?""",
                this::household, dossierId).stream().findFirst();
    }

    private Household household(ResultSet rs, int n) throws SQLException {
        Map<String, String> bsnByMember = new LinkedHashMap<>();
        for (JsonNode lid : json(rs.getString("payload")).path("leden")) {
            if (Bsn.isValid(lid.asText())) {
                Bsn bsn = Bsn.parse(lid.asText());
                bsnByMember.put(pseudonyms.of(bsn), bsn.value());
            }
        }
        List<String> ids = Arrays.asList((String[]) rs.getArray("members").getArray());
        List<Member> members = new ArrayList<>();
        bsnByMember.forEach((id, bsn) -> members.add(new Member(id, bsn)));
        ids.stream().filter(id -> !bsnByMember.containsKey(id)).forEach(id -> members.add(new Member(id, null)));
        OffsetDateTime establishedAt = rs.getTimestamp("occurred_at").toInstant()
                .atOffset(ZoneOffset.ofTotalSeconds(rs.getInt("occurred_at_offset_seconds")));
        return new Household(members, establishedAt);
    }

    private JsonNode json(String value) {
        try {
            return objectMapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("timeline row holds invalid JSON", e);
        }
    }
}
