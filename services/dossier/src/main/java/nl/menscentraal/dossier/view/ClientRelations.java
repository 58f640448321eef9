package nl.menscentraal.dossier.view;

import nl.menscentraal.dossier.chain.api.Consent;

import java.util.List;
import java.util.Set;

/**
 * What ties principals to one client, as far as reading is concerned.
 *
 * @param partnersWithFacts partners that have recorded at least one fact about the client
 * @param regisseurId       the assigned regisseur, or {@code null}
 * @param consents          the consents in force today (given, not revoked, not past {@code geldigTot})
 * @param openRegieSignal   whether a signal about the client (alone or in its household) routed to {@code regie} is
 *                          open or in behandeling: it lets a regisseur who is not assigned see presence
 */
public record ClientRelations(Set<String> partnersWithFacts, String regisseurId, List<Consent> consents,
                              boolean openRegieSignal) {

    public static final ClientRelations NONE = new ClientRelations(Set.of(), null);

    public ClientRelations {
        consents = List.copyOf(consents);
    }

    public ClientRelations(Set<String> partnersWithFacts, String regisseurId, List<Consent> consents) {
        this(partnersWithFacts, regisseurId, consents, false);
    }

    public ClientRelations(Set<String> partnersWithFacts, String regisseurId) {
        this(partnersWithFacts, regisseurId, List.of());
    }

    /** Whether a consent in force lets this recipient ({@code regisseur} or a partner id) see this domain in full. */
    public boolean consented(String recipient, String domain) {
        return domain != null && consents.stream()
                .anyMatch(c -> c.ontvanger().equals(recipient) && c.leefgebieden().contains(domain));
    }

    public boolean isKnown() {
        return !partnersWithFacts.isEmpty();
    }
}
