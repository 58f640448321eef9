package nl.menscentraal.dossier.view;

import java.util.Set;

/**
 * What ties principals to one client, as far as reading is concerned.
 *
 * @param partnersWithFacts partners that have recorded at least one fact about the client
 * @param regisseurId       the assigned regisseur, or {@code null}
 */
public record ClientRelations(Set<String> partnersWithFacts, String regisseurId) {

    public static final ClientRelations NONE = new ClientRelations(Set.of(), null);

    public boolean isKnown() {
        return !partnersWithFacts.isEmpty();
    }
}
