package nl.menscentraal.dossier.erasure;

import nl.menscentraal.dossier.chain.api.EraseDossierCommand;
import nl.menscentraal.dossier.store.DataKeys;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Clock;

/**
 * Erasure by crypto-shredding: the client's data key is destroyed and the content-free {@code DossierErased} is
 * recorded, in one transaction, so there is never an erased client without its record, or a record without the
 * erasure. The views forget the client when their processors reach the event; the signals service forgets its
 * copies the same way.
 */
@Component
class Erasures {

    private final DataSource dataSource;
    private final TransactionTemplate transaction;
    private final DataKeys keys;
    private final CommandGateway commands;
    private final Clock clock;

    Erasures(DataSource dataSource, TransactionTemplate transaction, DataKeys keys, CommandGateway commands, Clock clock) {
        this.dataSource = dataSource;
        this.transaction = transaction;
        this.keys = keys;
        this.commands = commands;
        this.clock = clock;
    }

    /** Erases the client; a client the platform never held leaves nothing to record. */
    void erase(String dossierId, String reason) {
        transaction.executeWithoutResult(status -> {
            try {
                keys.destroy(DataSourceUtils.getConnection(dataSource), dossierId);
            } catch (SQLException e) {
                throw new IllegalStateException("the data key could not be destroyed", e);
            }
            try {
                // the command's unit of work joins this transaction: the event commits with the key's deletion
                commands.sendAndWait(new EraseDossierCommand(dossierId, reason, clock.instant()));
            } catch (AggregateNotFoundException unknown) {
                // nothing recorded, nothing to say so about
            }
        });
    }
}
