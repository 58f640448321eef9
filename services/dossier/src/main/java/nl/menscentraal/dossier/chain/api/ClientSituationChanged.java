package nl.menscentraal.dossier.chain.api;

import java.util.List;

/**
 * The client's situation after a recorded fact changed it, folded in business time ({@code occurredAt})
 * so facts delivered late still land in their place. Carries the whole situation, not a delta, so a
 * projection or a rule reads one event instead of re-folding history.
 *
 * @param involvements every partner that ever had a trajectory, with since / until
 * @param regisseurId  the assigned regisseur, or {@code null}
 */
public record ClientSituationChanged(
        String dossierId,
        List<PartnerInvolvement> involvements,
        List<ActiveProblem> activeProblems,
        String regisseurId) {
}
