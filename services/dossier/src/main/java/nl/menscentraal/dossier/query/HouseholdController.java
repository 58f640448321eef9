package nl.menscentraal.dossier.query;

import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.PartnerInvolvement;
import nl.menscentraal.dossier.household.HouseholdRepository;
import nl.menscentraal.dossier.summary.ClientSummaryRepository;
import nl.menscentraal.dossier.timeline.TimelineQuery;
import nl.menscentraal.dossier.timeline.TimelineRepository;
import nl.menscentraal.dossier.timeline.TimelineRow;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.support.security.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The household of a client ({@code werk-inkomen.huishouden-vastgesteld}, the latest in business time), behind the
 * same gate as the client's own reads.
 *
 * <p>Every member, the requested client included, is shown as presence only — which partners are involved, in which
 * domain, since and until when — whoever asks, auditors too: a household never opens one member's data to another
 * member's helpers, and each member's own data is read through that member's client endpoints, under the reader's
 * view of that member. Each other member shown gets its own access-log entry (view {@code household}).
 *
 * <p>A client without a stated household is answered with itself as the only member, not 404: everyone lives in a
 * household of at least one, a caller then needs no special case, and 404 keeps meaning one thing (the platform
 * does not know the BSN, for auditors). {@code establishedAt} is left out then, so "not stated" stays visible.
 */
@RestController
@RequestMapping("/api/v1/households")
class HouseholdController {

    record Involvement(String partner, String domain, OffsetDateTime since, OffsetDateTime until) {
    }

    record Member(String bsn, List<Involvement> involvements) {
    }

    /** @param establishedAt when the stating fact occurred; {@code null} (left out) when no household was stated */
    record Household(String bsn, OffsetDateTime establishedAt, List<Member> members) {
    }

    private final ClientReadAccess access;
    private final HouseholdRepository households;
    private final ClientSummaryRepository summaries;
    private final TimelineRepository timeline;
    private final Catalogue catalogue;

    HouseholdController(ClientReadAccess access, HouseholdRepository households, ClientSummaryRepository summaries,
                        TimelineRepository timeline, Catalogue catalogue) {
        this.access = access;
        this.households = households;
        this.summaries = summaries;
        this.timeline = timeline;
        this.catalogue = catalogue;
    }

    @GetMapping("/{bsn}")
    Household household(Caller caller, @PathVariable String bsn, HttpServletRequest request) {
        ClientReadAccess.Granted granted = access.open(caller, bsn, "household", request);
        String client = granted.dossierId();
        Optional<HouseholdRepository.Household> stated = households.of(client);
        List<Member> members = new ArrayList<>();
        if (stated.isEmpty()) {
            members.add(new Member(granted.bsn().value(), involvements(client)));
        } else {
            // the client first, then the others as the stating fact lists them
            List<HouseholdRepository.Member> stating = new ArrayList<>(stated.get().members());
            stating.sort(Comparator.comparing(m -> !m.dossierId().equals(client)));
            for (HouseholdRepository.Member member : stating) {
                String memberBsn = member.dossierId().equals(client) ? granted.bsn().value() : member.bsn();
                if (memberBsn == null) {
                    // a member the stating fact named by its dossier only: without a BSN there is nothing to show
                    continue;
                }
                if (!member.dossierId().equals(client)) {
                    access.alsoShown(caller, granted, member.dossierId(), "household");
                }
                members.add(new Member(memberBsn, involvements(member.dossierId())));
            }
        }
        return new Household(granted.bsn().value(), stated.map(HouseholdRepository.Household::establishedAt).orElse(null),
                members);
    }

    /**
     * The member's partner trajectories as presence. The domain is that of the fact that opened the trajectory (the
     * partner's first fact with a domain from its start); the partner's main domain where there is none.
     */
    private List<Involvement> involvements(String dossierId) {
        List<PartnerInvolvement> trajectories = summaries.find(dossierId)
                .map(ClientSituationChanged::involvements).orElse(List.of());
        if (trajectories.isEmpty()) {
            return List.of();
        }
        List<TimelineRow> facts = timeline.find(new TimelineQuery(dossierId, null, null, null));
        return trajectories.stream().map(t -> new Involvement(t.partner(), facts.stream()
                        .filter(f -> f.partner().equals(t.partner()) && f.domain() != null
                                && !f.occurredAt().toInstant().isBefore(t.since().toInstant()))
                        .map(TimelineRow::domain).findFirst()
                        .orElseGet(() -> catalogue.mainDomainOf(t.partner()).orElse(null)),
                t.since(), t.until()))
                .toList();
    }
}
