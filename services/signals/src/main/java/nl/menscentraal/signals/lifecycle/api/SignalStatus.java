package nl.menscentraal.signals.lifecycle.api;

import java.util.Arrays;
import java.util.Optional;

/** The lifecycle of a signal: open → in-behandeling → afgehandeld, or vervallen when its reason disappears. */
public enum SignalStatus {
    OPEN("open"), IN_BEHANDELING("in-behandeling"), AFGEHANDELD("afgehandeld"), VERVALLEN("vervallen");

    private final String code;

    SignalStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Open or being handled: the rule does not fire again for the subject meanwhile. */
    public boolean isActive() {
        return this == OPEN || this == IN_BEHANDELING;
    }

    public static Optional<SignalStatus> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}
