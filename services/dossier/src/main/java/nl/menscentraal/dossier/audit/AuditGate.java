package nl.menscentraal.dossier.audit;

import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.support.audit.AccessLog;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The checks every audit endpoint makes, each refusal logged like a read: only auditors, always stating a purpose,
 * and a valid BSN turned into the client's pseudonym.
 */
@Component
class AuditGate {

    private final AccessLog accessLog;
    private final ClientPseudonyms pseudonyms;

    AuditGate(AccessLog accessLog, ClientPseudonyms pseudonyms) {
        this.accessLog = accessLog;
        this.pseudonyms = pseudonyms;
    }

    /** The auditor's stated purpose: 403 for anyone but an auditor, 400 without a valid purpose, both logged. */
    String purpose(Caller caller, HttpServletRequest request, String view) {
        if (!caller.is(Role.AUDITOR)) {
            log(caller, null, view, "none", AccessLog.Outcome.DENIED, request);
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only auditors read the audit trail.");
        }
        String purpose = request.getHeader("X-Purpose");
        if (purpose == null || !AccessLog.AUDIT_PURPOSES.contains(purpose)) {
            log(caller, null, view, "none", AccessLog.Outcome.DENIED, request);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, List.of(AccessLog.missingPurpose()));
        }
        return purpose;
    }

    /**
     * The client's pseudonym; {@code null} when no BSN was given (an optional filter), or with a field error naming
     * {@code bsn} when it is not valid.
     */
    String subject(String bsn, List<FieldError> errors) {
        if (bsn == null) {
            return null;
        }
        var problem = Bsn.problemWith(bsn);
        if (problem.isPresent()) {
            errors.add(new FieldError("bsn", problem.get()));
            return null;
        }
        return pseudonyms.of(Bsn.parse(bsn));
    }

    void log(Caller caller, String subject, String view, String purpose, AccessLog.Outcome outcome,
             HttpServletRequest request) {
        accessLog.write(caller, subject, view, purpose, outcome, AccessLog.traceId(request.getHeader("traceparent")));
    }
}
