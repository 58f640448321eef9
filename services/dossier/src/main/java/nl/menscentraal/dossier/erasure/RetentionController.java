package nl.menscentraal.dossier.erasure;

import jakarta.servlet.http.HttpServletRequest;
import nl.menscentraal.support.audit.AccessLog;
import nl.menscentraal.support.security.Caller;
import nl.menscentraal.support.security.Role;
import nl.menscentraal.support.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/retention/sweep}: an operator runs the daily retention sweep now. */
@RestController
@RequestMapping("/api/v1/admin/retention")
class RetentionController {

    record SweepResult(int erased) {
    }

    private final RetentionSweep sweep;
    private final AccessLog accessLog;

    RetentionController(RetentionSweep sweep, AccessLog accessLog) {
        this.sweep = sweep;
        this.accessLog = accessLog;
    }

    @PostMapping("/sweep")
    SweepResult sweep(Caller caller, HttpServletRequest request) {
        if (!caller.is(Role.OPERATOR)) {
            accessLog.write(caller, null, "admin/retention", "beheer", AccessLog.Outcome.DENIED,
                    AccessLog.traceId(request.getHeader("traceparent")));
            throw new ProblemException(HttpStatus.FORBIDDEN, "Only operators run the retention sweep.");
        }
        return new SweepResult(sweep.sweep());
    }
}
