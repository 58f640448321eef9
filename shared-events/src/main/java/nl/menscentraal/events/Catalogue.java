package nl.menscentraal.events;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The event catalogue, loaded from the one versioned data file {@code catalogue.yaml} beside this class.
 * Intake, dossier, projections, signal rules and docs all read it; adding a type or partner is a change
 * to that file, not to Java code.
 */
public final class Catalogue {

    /** Loads the catalogue shipped in this jar. */
    public static Catalogue load() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The version of the catalogue file, e.g. {@code 1}. */
    public String version() {
        throw new UnsupportedOperationException("TODO");
    }

    public Optional<EventType> type(String name) {
        throw new UnsupportedOperationException("TODO");
    }

    public List<EventType> types() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Partner ids, including {@code regie}. */
    public Set<String> partners() {
        throw new UnsupportedOperationException("TODO");
    }

    /** Life domain ids. */
    public Set<String> domains() {
        throw new UnsupportedOperationException("TODO");
    }

    /** The problem cluster of a life domain ({@code economisch}, {@code sociaal-cultureel}, ...). */
    public String clusterOf(String domain) {
        throw new UnsupportedOperationException("TODO");
    }
}
