package nl.menscentraal.signals.erasure;

import nl.menscentraal.dossier.chain.api.DossierErased;
import nl.menscentraal.dossier.store.DataKeys;
import nl.menscentraal.signals.evaluation.Households;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.List;

/**
 * When a client is erased, the signals forget it too: the client's own signal stream shares its data key and is
 * unreadable already; what is left are the copies this service keeps. Every household the client belonged to is
 * erased with it (its key destroyed, its signals and membership forgotten), since a household signal names all its
 * members. Idempotent: a replay of the erasure finds nothing left to remove.
 */
@Component
@ProcessingGroup("signal-rules")
class SignalErasure {

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final DataKeys keys;
    private final Households households;

    SignalErasure(JdbcTemplate jdbc, DataSource dataSource, DataKeys keys, Households households) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.keys = keys;
        this.households = households;
    }

    @EventHandler
    void on(DossierErased event) throws SQLException {
        String client = event.dossierId();
        for (Households.Household household : households.ofAny(List.of(client))) {
            keys.destroy(DataSourceUtils.getConnection(dataSource), household.id());
            jdbc.update("DELETE FROM signal_wakeup WHERE subject_id = ?", household.id());
            jdbc.update("DELETE FROM signal_household WHERE member_id = ANY (?)",
                    (Object) household.members().toArray(String[]::new));
        }
        // webhook bodies not yet delivered hold the signal as posted, BSN included
        jdbc.update("""
                UPDATE webhook_delivery SET body = NULL, state = 'parked', last_error = 'erased'
                WHERE state <> 'delivered' AND signal_id IN (SELECT signal_id FROM signal WHERE ? = ANY (members))""",
                client);
        jdbc.update("DELETE FROM signal WHERE ? = ANY (members)", client);
        jdbc.update("DELETE FROM signal_wakeup WHERE subject_id = ? OR ? = ANY (members)", client, client);
    }
}
