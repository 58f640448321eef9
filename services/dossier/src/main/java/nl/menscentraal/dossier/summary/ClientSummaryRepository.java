package nl.menscentraal.dossier.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.dossier.chain.api.ActiveProblem;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.Consent;
import nl.menscentraal.dossier.chain.api.PartnerInvolvement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

@Repository
public class ClientSummaryRepository {

    private final JdbcTemplate jdbc;
    private final ObjectMapper objectMapper;

    public ClientSummaryRepository(JdbcTemplate jdbc, ObjectMapper objectMapper) {
        this.jdbc = jdbc;
        this.objectMapper = objectMapper;
    }

    public Optional<ClientSituationChanged> find(String dossierId) {
        return jdbc.query("SELECT involvements, problems, regisseur_id, consents FROM client_summary WHERE dossier_id = ?",
                (rs, i) -> new ClientSituationChanged(dossierId,
                        read(rs.getString("involvements"), new TypeReference<List<PartnerInvolvement>>() { }),
                        read(rs.getString("problems"), new TypeReference<List<ActiveProblem>>() { }),
                        rs.getString("regisseur_id"),
                        read(rs.getString("consents"), new TypeReference<List<Consent>>() { })),
                dossierId).stream().findFirst();
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return objectMapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("client summary holds invalid JSON", e);
        }
    }
}
