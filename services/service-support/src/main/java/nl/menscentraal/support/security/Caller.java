package nl.menscentraal.support.security;

/**
 * Who is calling: the authenticated principal with its role and organisation. Controllers take it as a
 * parameter; it is resolved from Spring Security's context by {@link CallerArgumentResolver}.
 *
 * @param principal    e.g. {@code svc-werk-inkomen}, {@code regisseur-1}
 * @param organisation a partner id ({@code werk-inkomen}), {@code regie}, {@code toezicht} or {@code beheer}
 */
public record Caller(String principal, Role role, String organisation) {

    public boolean is(Role other) {
        return role == other;
    }
}
