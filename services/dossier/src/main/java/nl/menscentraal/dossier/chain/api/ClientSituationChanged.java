package nl.menscentraal.dossier.chain.api;

import java.util.List;

/**
 * The client's situation after a recorded fact changed it, folded in business time ({@code occurredAt})
 * so facts delivered late still land in their place. Carries the whole situation, not a delta, so a
 * projection or a rule reads one event instead of re-folding history.
 *
 * @param involvements every partner that ever had a trajectory, with since / until
 * @param regisseurId  the assigned regisseur, or {@code null}
 * @param consents     consents given and not revoked (whether one has expired depends on the day it is read);
 *                     empty in situations recorded before consents were kept
 */
public record ClientSituationChanged(
        String dossierId,
        List<PartnerInvolvement> involvements,
        List<ActiveProblem> activeProblems,
        String regisseurId,
        List<Consent> consents) {

    public ClientSituationChanged {
        consents = consents == null ? List.of() : List.copyOf(consents);
    }

    public ClientSituationChanged(String dossierId, List<PartnerInvolvement> involvements,
                                  List<ActiveProblem> activeProblems, String regisseurId) {
        this(dossierId, involvements, activeProblems, regisseurId, List.of());
    }
}
