package nl.menscentraal.dossier.query;

import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.dossier.chain.api.ClientSituationChanged;
import nl.menscentraal.dossier.chain.api.Consent;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.dossier.signal.ClientSignal;
import nl.menscentraal.dossier.signal.ClientSignals;
import nl.menscentraal.dossier.summary.ClientSummaryRepository;
import nl.menscentraal.dossier.timeline.TimelineRepository;
import nl.menscentraal.dossier.view.ClientRelations;
import nl.menscentraal.dossier.view.ClientView;
import nl.menscentraal.dossier.view.ViewPolicy;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.support.audit.AccessLog;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The gate every read of one client passes: checks the BSN, works out the caller's view, and writes the
 * access-log entry for the outcome, refusals included.
 *
 * <p>Partners and regisseurs get 403 for any client they have no relationship with, known or not, so an
 * outsider cannot probe which BSNs the platform holds; auditors get 404 for an unknown BSN.
 */
@Component
class ClientReadAccess {

    /**
     * @param situation the client's latest situation, read once here for both the gate and the summary
     * @param consents  the consents in force today
     * @param purpose   the processing activity the read was logged under
     * @param traceId   the request's trace id, also for entries about other clients the read shows
     */
    record Granted(Bsn bsn, String dossierId, ClientView view, ClientSituationChanged situation, List<Consent> consents,
                   String purpose, String traceId) {
    }

    private final ClientPseudonyms pseudonyms;
    private final TimelineRepository timeline;
    private final ClientSummaryRepository summaries;
    private final ClientSignals signals;
    private final AccessLog accessLog;
    private final Clock clock;

    ClientReadAccess(ClientPseudonyms pseudonyms, TimelineRepository timeline, ClientSummaryRepository summaries,
                     ClientSignals signals, AccessLog accessLog, Clock clock) {
        this.pseudonyms = pseudonyms;
        this.timeline = timeline;
        this.summaries = summaries;
        this.signals = signals;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** A consent's geldigTot is a Dutch calendar day. */
    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    Granted open(Caller caller, String rawBsn, String what, HttpServletRequest request) {
        String traceId = traceId(request);
        String purpose = purpose(caller, request.getHeader("X-Purpose"));
        Optional<String> bsnProblem = Bsn.problemWith(rawBsn);
        if (bsnProblem.isPresent()) {
            accessLog.write(caller, null, what, purposeOrNone(purpose), AccessLog.Outcome.DENIED, traceId);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, List.of(new FieldError("bsn", bsnProblem.get())));
        }
        Bsn bsn = Bsn.parse(rawBsn);
        String dossierId = pseudonyms.of(bsn);
        if (caller.is(Role.AUDITOR) && purpose == null) {
            accessLog.write(caller, dossierId, what, "none", AccessLog.Outcome.DENIED, traceId);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, List.of(AccessLog.missingPurpose()));
        }
        ClientSituationChanged situation = summaries.find(dossierId)
                .orElse(new ClientSituationChanged(dossierId, List.of(), List.of(), null));
        LocalDate today = LocalDate.ofInstant(clock.instant(), NETHERLANDS);
        // only a regisseur who is not assigned can need an open regie signal: everyone else is spared the query
        boolean openRegieSignal = caller.is(Role.REGISSEUR) && !caller.principal().equals(situation.regisseurId())
                && signals.anyActiveRoutedTo(dossierId, ClientSignal.REGIE);
        ClientRelations relations = new ClientRelations(timeline.partnersWithFacts(dossierId), situation.regisseurId(),
                situation.consents().stream().filter(c -> c.isValidOn(today)).toList(), openRegieSignal);
        Optional<ClientView> view = ViewPolicy.viewFor(caller, relations);
        if (view.isEmpty()) {
            accessLog.write(caller, dossierId, what, purposeOrNone(purpose), AccessLog.Outcome.DENIED, traceId);
            throw new ProblemException(HttpStatus.FORBIDDEN, "You have no relationship with this client.");
        }
        if (!relations.isKnown()) {
            accessLog.write(caller, dossierId, what + "/" + view.get().name(), purpose, AccessLog.Outcome.DENIED, traceId);
            throw new ProblemException(HttpStatus.NOT_FOUND, "The platform holds no data for this client.");
        }
        accessLog.write(caller, dossierId, what + "/" + view.get().name(), purpose, AccessLog.Outcome.GRANTED, traceId);
        return new Granted(bsn, dossierId, view.get(), situation, relations.consents(), purpose, traceId);
    }

    /**
     * Logs that a granted read also showed something of another client (a household member's presence): the
     * member's own entry in the log, under the same purpose and trace.
     */
    void alsoShown(Caller caller, Granted granted, String otherDossierId, String what) {
        accessLog.write(caller, otherDossierId, what, granted.purpose(), AccessLog.Outcome.GRANTED, granted.traceId());
    }

    /**
     * The processing activity of the read: auditors state it; for partners and regisseurs it follows from
     * their role.
     */
    private static String purpose(Caller caller, String header) {
        return switch (caller.role()) {
            case AUDITOR -> header != null && AccessLog.AUDIT_PURPOSES.contains(header) ? header : null;
            case PARTNER -> "hulpverlening";
            case REGISSEUR -> "regie";
            case OPERATOR -> "beheer";
        };
    }

    private static String purposeOrNone(String purpose) {
        return purpose == null ? "none" : purpose;
    }

    private static String traceId(HttpServletRequest request) {
        return AccessLog.traceId(request.getHeader("traceparent"));
    }
}
