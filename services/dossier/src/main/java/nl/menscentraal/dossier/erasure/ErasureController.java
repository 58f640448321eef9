package nl.menscentraal.dossier.erasure;

import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.events.Bsn;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.support.audit.AccessLog;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /api/v1/admin/erasures}: an operator erases a client on a legal ground (an AVG art. 17 request, a
 * court order). The answer is the same whether or not the platform knew the client, so the operator, who may see
 * no client content, learns nothing about who is known.
 */
@RestController
@RequestMapping("/api/v1/admin/erasures")
class ErasureController {

    static final int MAX_REASON = 200;

    record ErasureRequest(String bsn, String reason) {
    }

    record ErasureAccepted(String status, String reason) {
    }

    private final Erasures erasures;
    private final ClientPseudonyms pseudonyms;
    private final AccessLog accessLog;

    ErasureController(Erasures erasures, ClientPseudonyms pseudonyms, AccessLog accessLog) {
        this.erasures = erasures;
        this.pseudonyms = pseudonyms;
        this.accessLog = accessLog;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ErasureAccepted erase(Caller caller, @RequestBody ErasureRequest request, HttpServletRequest http) {
        String traceId = AccessLog.traceId(http.getHeader("traceparent"));
        if (!caller.is(Role.OPERATOR)) {
            accessLog.write(caller, null, "admin/erasure", "beheer", AccessLog.Outcome.DENIED, traceId);
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only operators erase clients.");
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.bsn() == null) {
            errors.add(new FieldError("bsn", "is required"));
        } else {
            Bsn.problemWith(request.bsn()).ifPresent(problem -> errors.add(new FieldError("bsn", problem)));
        }
        if (request.reason() == null || request.reason().isBlank()) {
            errors.add(new FieldError("reason", "is required: the legal ground of the erasure"));
        } else if (request.reason().length() > MAX_REASON) {
            errors.add(new FieldError("reason", "must be at most " + MAX_REASON + " characters; it is stored in the "
                    + "clear, so it names the ground, not the person"));
        }
        if (!errors.isEmpty()) {
            accessLog.write(caller, null, "admin/erasure", "beheer", AccessLog.Outcome.DENIED, traceId);
            throw ProblemException.invalid(HttpStatus.BAD_REQUEST, errors);
        }
        String dossierId = pseudonyms.of(Bsn.parse(request.bsn()));
        erasures.erase(dossierId, request.reason().strip());
        accessLog.write(caller, dossierId, "admin/erasure", "beheer", AccessLog.Outcome.GRANTED, traceId);
        return new ErasureAccepted("erased", request.reason().strip());
    }
}
