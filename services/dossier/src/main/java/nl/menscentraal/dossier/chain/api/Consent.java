package nl.menscentraal.dossier.chain.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A client's consent to share the facts of some life domains with one recipient ({@code regie.toestemming-verleend}),
 * until revoked ({@code regie.toestemming-ingetrokken}) or past {@code geldigTot}.
 *
 * @param ontvanger {@code regisseur} (the assigned regisseur) or a partner id
 * @param geldigTot the last day it counts
 */
public record Consent(String toestemmingId, List<String> leefgebieden, String ontvanger, LocalDate geldigTot) {

    public Consent {
        leefgebieden = List.copyOf(leefgebieden);
    }

    public boolean isValidOn(LocalDate day) {
        return geldigTot == null || !day.isAfter(geldigTot);
    }
}
