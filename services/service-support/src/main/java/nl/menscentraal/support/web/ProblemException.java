package nl.menscentraal.support.web;

import nl.menscentraal.events.FieldError;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * Thrown by controllers to answer with a problem. The detail is shown to the caller, so it must never
 * contain a BSN or payload content.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final List<FieldError> errors;

    public ProblemException(HttpStatus status, String detail) {
        this(status, detail, List.of());
    }

    private ProblemException(HttpStatus status, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** A request with field errors: every bad field is named. */
    public static ProblemException invalid(HttpStatus status, List<FieldError> errors) {
        return new ProblemException(status, null, errors);
    }

    public HttpStatus status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
