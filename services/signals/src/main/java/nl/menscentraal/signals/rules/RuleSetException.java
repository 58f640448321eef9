package nl.menscentraal.signals.rules;

import nl.menscentraal.events.FieldError;

import java.util.List;

/** A rules file that cannot be used, with every problem found (path in the file, message). */
public class RuleSetException extends RuntimeException {

    private final transient List<FieldError> errors;

    public RuleSetException(List<FieldError> errors) {
        super("the rules file has " + errors.size() + " problem(s): " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
