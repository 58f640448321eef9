package nl.menscentraal.dossier.chain.command;

import nl.menscentraal.dossier.chain.api.ActiveProblem;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.PartnerInvolvement;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The client's involvements, open problems and regisseur, folded from the recorded facts in business time.
 *
 * <p>Partners deliver late and in bulk, so facts are kept and re-folded in {@code occurredAt} order (ties in
 * recording order) rather than applied in arrival order: a backdated {@code resolves} arriving after a newer
 * {@code raises} must not close the problem. A client has tens to hundreds of facts, so re-folding is cheap.
 */
final class ClientSituation {

    private record Fact(long seq, OffsetDateTime occurredAt, String partner, String domain,
                        Involvement involvement, ProblemEffect problem, RegieChange regie) {
    }

    /** How a regie fact changes the assigned regisseur; {@code regisseurId == null} means regie ended. */
    private record RegieChange(String regisseurId) {
    }

    private static final Comparator<Fact> BUSINESS_TIME =
            Comparator.comparing((Fact f) -> f.occurredAt().toInstant()).thenComparingLong(Fact::seq);

    private final List<Fact> facts = new ArrayList<>();

    void record(ChainEventRecorded event) {
        facts.add(new Fact(facts.size(), event.occurredAt(), event.partner(), event.domain(),
                event.involvement(), event.problem(), regieChange(event)));
    }

    private static RegieChange regieChange(ChainEventRecorded event) {
        return switch (event.type()) {
            case "regie.regisseur-toegewezen" -> new RegieChange(event.payload().path("regisseurId").asText(null));
            case "regie.regisseur-overgedragen" -> new RegieChange(event.payload().path("naarRegisseurId").asText(null));
            case "regie.regie-afgesloten" -> new RegieChange(null);
            default -> null;
        };
    }

    ClientSituationChanged snapshot(String dossierId) {
        Map<String, PartnerInvolvement> involvements = new TreeMap<>();
        Map<String, OffsetDateTime> problems = new TreeMap<>();
        String regisseur = null;
        for (Fact fact : facts.stream().sorted(BUSINESS_TIME).toList()) {
            PartnerInvolvement current = involvements.get(fact.partner());
            if (fact.involvement() == Involvement.STARTS && (current == null || !current.isActive())) {
                involvements.put(fact.partner(), new PartnerInvolvement(fact.partner(), fact.occurredAt(), null));
            } else if (fact.involvement() == Involvement.ENDS && current != null && current.isActive()) {
                involvements.put(fact.partner(), new PartnerInvolvement(fact.partner(), current.since(), fact.occurredAt()));
            }
            if (fact.problem() == ProblemEffect.RAISES) {
                problems.putIfAbsent(fact.domain(), fact.occurredAt());
            } else if (fact.problem() == ProblemEffect.RESOLVES) {
                problems.remove(fact.domain());
            }
            if (fact.regie() != null) {
                regisseur = fact.regie().regisseurId();
            }
        }
        List<ActiveProblem> active = problems.entrySet().stream()
                .map(e -> new ActiveProblem(e.getKey(), e.getValue())).toList();
        return new ClientSituationChanged(dossierId, List.copyOf(involvements.values()), active, regisseur);
    }
}
