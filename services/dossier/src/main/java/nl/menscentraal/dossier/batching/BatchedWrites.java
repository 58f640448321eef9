package nl.menscentraal.dossier.batching;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects the writes of one event-processing batch and performs them together, just before the batch's
 * transaction commits: one JDBC batch instead of a round trip per event. Outside a unit of work (a plain
 * call, as in a unit test) the write happens at once.
 */
public final class BatchedWrites {

    private BatchedWrites() {
    }

    /**
     * @param key   names the buffer; one per kind of write
     * @param flush performs the collected writes, in the order they were added
     */
    public static <T> void add(String key, T item, Consumer<List<T>> flush) {
        if (!CurrentUnitOfWork.isStarted()) {
            flush.accept(List.of(item));
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        List<T> items = unitOfWork.getOrComputeResource(key, k -> {
            List<T> buffer = new ArrayList<>();
            unitOfWork.onPrepareCommit(u -> flush.accept(buffer));
            return buffer;
        });
        items.add(item);
    }
}
