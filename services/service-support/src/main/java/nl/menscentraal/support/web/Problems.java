package nl.menscentraal.support.web;

import nl.menscentraal.events.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/** RFC 9457 problem details in the shape {@code api.md} promises: type, title, status, detail, errors. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        // A URN, not a URL: there is no documentation site to point at, and a made-up URL would look like one.
        problem.setType(URI.create("urn:mens-centraal:problem:" + slug(status)));
        return problem;
    }

    public static ProblemDetail invalid(HttpStatus status, List<FieldError> errors) {
        ProblemDetail problem = of(status, errors.size() == 1
                ? "The request has 1 invalid field."
                : "The request has " + errors.size() + " invalid fields.");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? String.valueOf(status.value()) : known.name().toLowerCase().replace('_', '-');
    }
}
