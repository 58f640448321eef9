package nl.menscentraal.dossier.store;

/**
 * What an event reads as once its data key is destroyed: nothing. No handler listens for it, so aggregates and
 * projections pass over erased events as if they were never recorded, while the rows stay in the store and in the
 * hash chain.
 */
public record ErasedContent() {
}
