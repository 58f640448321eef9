package nl.menscentraal.support.security;

import java.util.Locale;

/** The roles of {@code privacy.md}. */
public enum Role {
    /** A system or worker of one chain partner. */
    PARTNER,
    /** A coordinator of the regie team. */
    REGISSEUR,
    /** Toezicht, privacy officer, complaint handling: reads everything, always stating a purpose. */
    AUDITOR,
    /** Runs the platform: rules, subscriptions, replays, never client content. */
    OPERATOR;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
