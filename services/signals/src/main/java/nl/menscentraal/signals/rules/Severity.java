package nl.menscentraal.signals.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How urgently a signal asks for attention, in increasing order. */
public enum Severity {
    INFO, AANDACHT, URGENT, KRITIEK;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Severity> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }
}
