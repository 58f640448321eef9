package nl.menscentraal.dossier.batching;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.axonframework.commandhandling.GenericCommandMessage.asCommandMessage;

/**
 * Dispatches a whole poll of commands in one unit of work and one database transaction.
 *
 * <p>Each command still runs in its own nested unit of work against its aggregate, so the rules are checked
 * one fact at a time and in order; but the events of all of them are appended to the event store in one
 * batch insert and one commit, instead of one transaction per fact. That is the biggest lever on write
 * throughput (see docs/performance.md). All or nothing: if the batch fails, nothing of it is stored.
 */
@Component
public class CommandBatch {

    private final CommandBus commandBus;
    private final TransactionManager transactionManager;

    CommandBatch(CommandBus commandBus, TransactionManager transactionManager) {
        this.commandBus = commandBus;
        this.transactionManager = transactionManager;
    }

    /** The result of each command, in order; a command that threw has an exceptional result. */
    public List<CommandResultMessage<?>> dispatchAll(List<?> commands) {
        List<CommandResultMessage<?>> results = new ArrayList<>(Collections.nCopies(commands.size(), null));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericMessage.asMessage("partner-events-batch"));
        try {
            batch.attachTransaction(transactionManager);
            for (int i = 0; i < commands.size(); i++) {
                int index = i;
                commandBus.dispatch(asCommandMessage(commands.get(i)), (command, result) -> results.set(index, result));
            }
            for (CommandResultMessage<?> result : results) {
                if (result.isExceptional()) {
                    // a failed nested unit of work marks the shared transaction rollback-only: fail the batch
                    throw new BatchFailedException(result.exceptionResult());
                }
            }
        } catch (RuntimeException e) {
            if (batch.isActive()) {
                batch.rollback(e);
            }
            throw e;
        }
        batch.commit();
        return results;
    }

    /** One command of the batch failed; the caller falls back to one command per transaction to find it. */
    public static final class BatchFailedException extends RuntimeException {
        BatchFailedException(Throwable cause) {
            super("a command of the batch failed", cause);
        }
    }
}
