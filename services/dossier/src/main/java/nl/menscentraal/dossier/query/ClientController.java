package nl.menscentraal.dossier.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.PartnerInvolvement;
import nl.menscentraal.dossier.signal.ClientSignal;
import nl.menscentraal.dossier.signal.ClientSignals;
import nl.menscentraal.dossier.timeline.TimelineEntry;
import nl.menscentraal.dossier.timeline.TimelineQuery;
import nl.menscentraal.dossier.timeline.TimelineRepository;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading one client: the summary and the consolidated timeline, each filtered by the caller's view. */
@RestController
@RequestMapping("/api/v1/clients")
class ClientController {

    /** Dates without a time are days in the Netherlands. */
    private static final ZoneId DUTCH_TIME = ZoneId.of("Europe/Amsterdam");

    private final ClientReadAccess access;
    private final TimelineRepository timeline;
    private final ClientSignals signals;
    private final Catalogue catalogue;

    ClientController(ClientReadAccess access, TimelineRepository timeline, ClientSignals signals, Catalogue catalogue) {
        this.access = access;
        this.timeline = timeline;
        this.signals = signals;
        this.catalogue = catalogue;
    }

    record Timeline(String bsn, List<TimelineEntry> entries) {
    }

    record ActiveDomain(String domain, String cluster, OffsetDateTime since) {
    }

    record InvolvedPartner(String partner, OffsetDateTime since) {
    }

    /** A consent in force: to whom, for which domains, until when (its purpose and id are the regie's business). */
    record ActiveConsent(String ontvanger, List<String> leefgebieden, LocalDate geldigTot) {
    }

    /** A signal that is open or in behandeling: that it is there and how urgent, never why (presence). */
    record OpenSignal(UUID signalId, String ruleId, String severity, String status, Instant raisedAt) {
    }

    /** {@code regisseur} is written as {@code null} when none is assigned: its absence is information. */
    record Summary(String bsn, List<ActiveDomain> activeDomains, List<String> activeClusters,
                   List<InvolvedPartner> involvedPartners, @JsonInclude(JsonInclude.Include.ALWAYS) String regisseur,
                   List<ActiveConsent> activeConsents, List<OpenSignal> openSignals) {
    }

    @GetMapping("/{bsn}/timeline")
    Timeline timeline(Caller caller, @PathVariable String bsn, @RequestParam(required = false) String from,
                      @RequestParam(required = false) String to, @RequestParam(required = false) String domain,
                      HttpServletRequest request) {
        List<FieldError> errors = new ArrayList<>();
        Instant fromInstant = bound("from", from, false, errors);
        Instant toInstant = bound("to", to, true, errors);
        if (domain != null && !catalogue.domains().contains(domain)) {
            errors.add(new FieldError("domain", "is not a life domain of the catalogue"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        ClientReadAccess.Granted granted = access.open(caller, bsn, "timeline", request);
        List<TimelineEntry> entries = timeline.find(new TimelineQuery(granted.dossierId(), fromInstant, toInstant, domain))
                .stream().map(row -> TimelineEntry.of(row, granted.view().visibilityOf(row.partner(), row.sensitivity(), row.domain())))
                .toList();
        return new Timeline(granted.bsn().value(), entries);
    }

    @GetMapping("/{bsn}")
    Summary summary(Caller caller, @PathVariable String bsn, HttpServletRequest request) {
        ClientReadAccess.Granted granted = access.open(caller, bsn, "summary", request);
        ClientSituationChanged situation = granted.situation();
        List<ActiveDomain> domains = situation.activeProblems().stream()
                .map(p -> new ActiveDomain(p.domain(), catalogue.clusterOf(p.domain()), p.since())).toList();
        return new Summary(granted.bsn().value(), domains,
                domains.stream().map(ActiveDomain::cluster).distinct().sorted().toList(),
                situation.involvements().stream().filter(PartnerInvolvement::isActive)
                        .map(i -> new InvolvedPartner(i.partner(), i.since())).toList(),
                situation.regisseurId(),
                granted.consents().stream().map(c -> new ActiveConsent(c.ontvanger(), c.leefgebieden(), c.geldigTot())).toList(),
                signals.active(granted.dossierId(), signalRecipient(caller)).stream()
                        .map(s -> new OpenSignal(s.signalId(), s.ruleId(), s.severity(), s.status(), s.raisedAt())).toList());
    }

    /**
     * Whose signals the caller sees, as the signals API routes them: a partner those routed to it, a regisseur those
     * routed to regie, an auditor all ({@code null}).
     */
    private static String signalRecipient(Caller caller) {
        return switch (caller.role()) {
            case PARTNER -> caller.organisation();
            case REGISSEUR -> ClientSignal.REGIE;
            case AUDITOR -> null;
            case OPERATOR -> throw new IllegalStateException("operators never pass the read gate");
        };
    }

    /** Accepts an instant with offset, or a date (a whole Dutch day; {@code to} includes that day). */
    private static Instant bound(String name, String value, boolean endOfDay, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(DUTCH_TIME).toInstant();
            } catch (DateTimeParseException notADate) {
                errors.add(new FieldError(name, "must be an ISO-8601 date or date-time with offset"));
                return null;
            }
        }
    }
}
