package nl.menscentraal.support.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/**
 * Turns every error into problem+json. Spring MVC's own exceptions (405, 415, ...) are handled by the
 * base class; messages that could echo input are replaced by fixed texts.
 */
@AutoConfiguration
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e) {
        return e.errors().isEmpty() ? Problems.of(e.status(), e.getMessage()) : Problems.invalid(e.status(), e.errors());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return Problems.invalid(HttpStatus.BAD_REQUEST,
                List.of(new nl.menscentraal.events.FieldError(e.getName(), "has the wrong format")));
    }

    /** Never echo the cause: it may hold request content. The class name is enough to find it in the code. */
    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected {} while handling a request", e.getClass().getName());
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side; nothing was applied.");
    }

    @Override
    protected org.springframework.http.ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, org.springframework.http.HttpHeaders headers,
            org.springframework.http.HttpStatusCode status, org.springframework.web.context.request.WebRequest request) {
        return org.springframework.http.ResponseEntity.badRequest()
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.BAD_REQUEST, "The body is not valid JSON of the expected shape."));
    }
}
