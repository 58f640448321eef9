package nl.menscentraal.signals.rules;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One client's situation at a moment of business time, folded fact by fact: the same effects as the dossier
 * (a partner is involved while its last involvement effect was {@code starts}; a domain is active while raised
 * and not resolved since), plus what the rules count besides: professionals, regisseur and plan.
 */
final class MemberState {

    /** partner → the fact that started its current trajectory */
    final Map<String, Fact> involvements = new LinkedHashMap<>();
    /** domain → the fact that raised its open problem */
    final Map<String, Fact> activeDomains = new LinkedHashMap<>();
    /** partner → professional id → the first fact naming that professional */
    final Map<String, Map<String, Fact>> professionals = new LinkedHashMap<>();
    String regisseurId;
    Fact plan;

    void apply(Fact fact) {
        if (fact.involvement() == Involvement.STARTS) {
            involvements.putIfAbsent(fact.partner(), fact);
        } else if (fact.involvement() == Involvement.ENDS) {
            involvements.remove(fact.partner());
        }
        if (fact.domain() != null) {
            if (fact.problem() == ProblemEffect.RAISES) {
                activeDomains.putIfAbsent(fact.domain(), fact);
            } else if (fact.problem() == ProblemEffect.RESOLVES) {
                activeDomains.remove(fact.domain());
            }
        }
        if (fact.professionalId() != null) {
            Map<String, Fact> ofPartner = professionals.computeIfAbsent(fact.partner(), p -> new LinkedHashMap<>());
            if (fact.shortType().equals("hulpverlener-gewijzigd")) {
                // the professional named now takes over: the one before no longer works with the client
                ofPartner.clear();
            }
            ofPartner.putIfAbsent(fact.professionalId(), fact);
        }
        switch (fact.type()) {
            case "regie.regisseur-toegewezen" -> regisseurId = fact.payload().path("regisseurId").asText(null);
            case "regie.regisseur-overgedragen" -> regisseurId = fact.payload().path("naarRegisseurId").asText(null);
            case "regie.regie-afgesloten" -> regisseurId = null;
            case "regie.plan-vastgesteld" -> plan = fact;
            default -> {
            }
        }
    }

    Set<String> clusters() {
        Set<String> clusters = new TreeSet<>();
        activeDomains.values().forEach(f -> clusters.add(f.cluster()));
        return clusters;
    }

    /** Distinct professionals of the partners involved now. */
    Map<String, Fact> involvedProfessionals() {
        Map<String, Fact> result = new LinkedHashMap<>();
        involvements.keySet().forEach(p -> professionals.getOrDefault(p, Map.of()).forEach(result::putIfAbsent));
        return result;
    }

    Set<String> planGoalDomains() {
        Set<String> domains = new LinkedHashSet<>();
        if (plan != null) {
            for (JsonNode goal : plan.payload().path("doelen")) {
                domains.add(goal.path("leefgebied").asText());
            }
        }
        return domains;
    }
}
