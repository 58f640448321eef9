package nl.menscentraal.dossier.signal;

import nl.menscentraal.dossier.chain.api.DossierErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An erased client's signals leave the dossier's copy too. A signal announced again later (Kafka redelivers) may
 * put a row back: it names rule, routing and status only, of a dossier that holds nothing readable any more.
 */
@Component
@ProcessingGroup("client-views")
class ClientSignalErasure {

    private final JdbcTemplate jdbc;

    ClientSignalErasure(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DossierErased event) {
        jdbc.update("DELETE FROM client_signal WHERE dossier_id = ?", event.dossierId());
    }
}
