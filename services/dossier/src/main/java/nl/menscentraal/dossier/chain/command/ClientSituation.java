package nl.menscentraal.dossier.chain.command;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.dossier.chain.api.ActiveProblem;
import nl.menscentraal.dossier.chain.api.ChainEventRecorded;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.Consent;
import nl.menscentraal.dossier.chain.api.PartnerInvolvement;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
                        Involvement involvement, ProblemEffect problem, RegieChange regie, ConsentChange consent) {
    }

    /** A consent given ({@code granted != null}) or revoked. */
    private record ConsentChange(String toestemmingId, Consent granted) {
    }

    /** How a regie fact changes the assigned regisseur; {@code regisseurId == null} means regie ended. */
    private record RegieChange(String regisseurId) {
    }

    private static final Comparator<Fact> BUSINESS_TIME =
            Comparator.comparing((Fact f) -> f.occurredAt().toInstant()).thenComparingLong(Fact::seq);

    private final List<Fact> facts = new ArrayList<>();

    void record(ChainEventRecorded event) {
        facts.add(new Fact(facts.size(), event.occurredAt(), event.partner(), event.domain(),
                event.involvement(), event.problem(), regieChange(event), consentChange(event)));
    }

    private static ConsentChange consentChange(ChainEventRecorded event) {
        JsonNode p = event.payload();
        return switch (event.type()) {
            case "regie.toestemming-verleend" -> {
                List<String> domains = new ArrayList<>();
                p.path("leefgebieden").forEach(d -> domains.add(d.asText()));
                String until = p.path("geldigTot").asText(null);
                yield new ConsentChange(p.path("toestemmingId").asText(), new Consent(p.path("toestemmingId").asText(),
                        domains, p.path("ontvanger").asText(), until == null ? null : LocalDate.parse(until.substring(0, 10))));
            }
            case "regie.toestemming-ingetrokken" -> new ConsentChange(p.path("toestemmingId").asText(), null);
            default -> null;
        };
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
        Map<String, Consent> consents = new LinkedHashMap<>();
        for (Fact fact : facts.stream().sorted(BUSINESS_TIME).toList()) {
            if (fact.consent() != null) {
                if (fact.consent().granted() != null) {
                    consents.put(fact.consent().toestemmingId(), fact.consent().granted());
                } else {
                    consents.remove(fact.consent().toestemmingId());
                }
            }
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
        return new ClientSituationChanged(dossierId, List.copyOf(involvements.values()), active, regisseur,
                List.copyOf(consents.values()));
    }
}
