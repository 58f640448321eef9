package nl.menscentraal.events;

import java.util.List;

/** The outcome of validating one envelope: either a valid {@link Envelope} or every error found at once. */
public sealed interface ValidationResult {

    record Valid(Envelope envelope) implements ValidationResult {
    }

    record Invalid(List<FieldError> errors) implements ValidationResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
