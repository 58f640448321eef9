package nl.menscentraal.support.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;

import java.util.List;
import java.util.Map;

/**
 * The local profile's fixed bearer tokens of {@code api.md}, served as opaque tokens through Spring
 * Security's resource server, so the request path is the same one the JWT configuration takes.
 * Only active when {@code mens-centraal.security.static-tokens=true}.
 */
final class StaticTokenIntrospector implements OpaqueTokenIntrospector {

    /** Exactly the table of {@code api.md}, and no others. */
    static final Map<String, Caller> TOKENS = Map.of(
            "dev-werk-inkomen", new Caller("svc-werk-inkomen", Role.PARTNER, "werk-inkomen"),
            "dev-wmo", new Caller("svc-wmo", Role.PARTNER, "wmo"),
            "dev-jeugd", new Caller("svc-jeugd", Role.PARTNER, "jeugd"),
            "dev-schuldhulp", new Caller("svc-schuldhulp", Role.PARTNER, "schuldhulp"),
            "dev-ggz", new Caller("svc-ggz", Role.PARTNER, "ggz"),
            "dev-regisseur-1", new Caller("regisseur-1", Role.REGISSEUR, "regie"),
            "dev-regisseur-2", new Caller("regisseur-2", Role.REGISSEUR, "regie"),
            "dev-auditor", new Caller("auditor-1", Role.AUDITOR, "toezicht"),
            "dev-operator", new Caller("operator-1", Role.OPERATOR, "beheer"));

    @Override
    public OAuth2AuthenticatedPrincipal introspect(String token) {
        Caller caller = TOKENS.get(token);
        if (caller == null) {
            throw new BadOpaqueTokenException("unknown token");
        }
        return new DefaultOAuth2AuthenticatedPrincipal(caller.principal(),
                Map.of("sub", caller.principal(), "org", caller.organisation(), "roles", List.of(caller.role().code())),
                List.of(new SimpleGrantedAuthority(caller.role().authority())));
    }
}
