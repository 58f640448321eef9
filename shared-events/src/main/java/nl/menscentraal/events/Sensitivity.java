package nl.menscentraal.events;

import java.util.Arrays;

/** Sensitivity classes of {@code event-catalogue.md}; {@code privacy.md} decides who sees which. */
public enum Sensitivity {
    BASIS("basis"),
    FINANCIEEL("financieel"),
    /** Special category data (AVG art. 9): health, addiction. */
    BIJZONDER("bijzonder"),
    /** Minors and child protection. */
    JEUGD("jeugd"),
    /** Criminal data (AVG art. 10). */
    JUSTITIEEL("justitieel");

    private final String code;

    Sensitivity(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Whether content of this class may be shared with a regisseur without consent. */
    public boolean isSpecialCategory() {
        return this == BIJZONDER || this == JEUGD || this == JUSTITIEEL;
    }

    public static Sensitivity fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown sensitivity class: " + code));
    }
}
