package nl.menscentraal.signals.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Counts over a client's current situation, all of which must hold. Absent parts (null) are not checked.
 *
 * @param otherActiveDomains active domains other than the opening fact's own (only inside an event condition)
 * @param withoutPlanGoalFor holds only when no plan goal exists for this domain
 * @param activeDomainIn     holds when any of these domains is active
 */
record StatePredicate(
        Range activeDomains,
        Range activeClusters,
        Range involvedPartners,
        Range involvedProfessionals,
        Range otherActiveDomains,
        Boolean regisseurAssigned,
        Boolean planPresent,
        String withoutPlanGoalFor,
        List<String> activeDomainIn) {

    /** An inclusive range; either end may be open. */
    record Range(Integer min, Integer max) {
        boolean test(int value) {
            return (min == null || value >= min) && (max == null || value <= max);
        }
    }

    boolean test(MemberState s, Fact opening) {
        return (activeDomains == null || activeDomains.test(s.activeDomains.size()))
                && (activeClusters == null || activeClusters.test(s.clusters().size()))
                && (involvedPartners == null || involvedPartners.test(s.involvements.size()))
                && (involvedProfessionals == null || involvedProfessionals.test(s.involvedProfessionals().size()))
                && (otherActiveDomains == null || otherActiveDomains.test(otherDomains(s, opening)))
                && (regisseurAssigned == null || regisseurAssigned == (s.regisseurId != null))
                && (planPresent == null || planPresent == (s.plan != null))
                && (withoutPlanGoalFor == null || !s.planGoalDomains().contains(withoutPlanGoalFor))
                && (activeDomainIn == null || activeDomainIn.stream().anyMatch(s.activeDomains::containsKey));
    }

    private static int otherDomains(MemberState s, Fact opening) {
        return (int) s.activeDomains.keySet().stream()
                .filter(d -> opening == null || !d.equals(opening.domain())).count();
    }

    /** The facts that make the counted things true now: the basis a signal names. */
    List<UUID> contributors(MemberState s) {
        List<UUID> ids = new ArrayList<>();
        if (activeDomains != null || activeClusters != null || otherActiveDomains != null) {
            s.activeDomains.values().forEach(f -> ids.add(f.eventId()));
        }
        if (activeDomainIn != null) {
            activeDomainIn.stream().map(s.activeDomains::get).filter(f -> f != null).forEach(f -> ids.add(f.eventId()));
        }
        if (involvedPartners != null) {
            s.involvements.values().forEach(f -> ids.add(f.eventId()));
        }
        if (involvedProfessionals != null) {
            s.involvedProfessionals().values().forEach(f -> ids.add(f.eventId()));
        }
        return ids;
    }
}
