package nl.menscentraal.support.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DefaultOAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;

import java.util.Arrays;
import java.util.List;

/**
 * Turns a verified JWT from the municipality's OpenID Connect provider into the platform's caller: {@code sub} is
 * the principal, {@code org} the organisation, {@code roles} exactly one of the platform's roles. A token that
 * lacks any of them is refused like a bad signature (401): guessing a role would be worse.
 */
final class JwtCallers implements Converter<Jwt, AbstractAuthenticationToken> {

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String subject = jwt.getSubject();
        String organisation = jwt.getClaimAsString("org");
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (subject == null || subject.isBlank() || organisation == null || organisation.isBlank()
                || roles == null || roles.size() != 1 || !isRole(roles.get(0))) {
            throw new InvalidBearerTokenException("the token must carry sub, org and exactly one known role");
        }
        Role role = Role.fromCode(roles.get(0));
        List<GrantedAuthority> authorities = List.of(new SimpleGrantedAuthority(role.authority()));
        var principal = new DefaultOAuth2AuthenticatedPrincipal(subject, jwt.getClaims(), authorities);
        var token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, jwt.getTokenValue(), jwt.getIssuedAt(),
                jwt.getExpiresAt());
        return new BearerTokenAuthentication(principal, token, authorities);
    }

    private static boolean isRole(String code) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.code().equals(code));
    }
}
