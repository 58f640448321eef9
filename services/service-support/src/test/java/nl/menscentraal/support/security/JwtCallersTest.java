package nl.menscentraal.support.security;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtCallersTest {

    static Jwt.Builder token() {
        return Jwt.withTokenValue("header.payload.signature").header("alg", "RS256")
                .issuedAt(Instant.parse("2026-11-23T09:00:00Z")).expiresAt(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Nested
    class A_token_from_the_identity_provider {

        @Test
        void names_the_caller_by_sub_org_and_its_one_role() {
            var authentication = new JwtCallers().convert(token().subject("m.jansen").claim("org", "regie")
                    .claim("roles", List.of("regisseur")).build());

            var principal = (OAuth2AuthenticatedPrincipal) authentication.getPrincipal();
            assertThat(principal.getName()).isEqualTo("m.jansen");
            assertThat((String) principal.getAttribute("org")).isEqualTo("regie");
            assertThat(authentication.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_REGISSEUR");
        }

        @Test
        void without_an_organisation_is_refused() {
            assertThatThrownBy(() -> new JwtCallers().convert(token().subject("m.jansen")
                    .claim("roles", List.of("regisseur")).build())).isInstanceOf(InvalidBearerTokenException.class);
        }

        @Test
        void with_two_roles_or_an_unknown_one_is_refused() {
            assertThatThrownBy(() -> new JwtCallers().convert(token().subject("x").claim("org", "regie")
                    .claim("roles", List.of("regisseur", "auditor")).build())).isInstanceOf(InvalidBearerTokenException.class);
            assertThatThrownBy(() -> new JwtCallers().convert(token().subject("x").claim("org", "regie")
                    .claim("roles", List.of("beheerder")).build())).isInstanceOf(InvalidBearerTokenException.class);
        }
    }

    @Nested
    class The_static_tokens_of_the_local_profile {

        @Test
        void refuse_to_start_under_the_production_profile() {
            MockEnvironment production = new MockEnvironment();
            production.setActiveProfiles("production");

            assertThatThrownBy(() -> new SecurityConfiguration().staticTokenIntrospector(production))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("never run in production");
        }

        @Test
        void start_anywhere_else() {
            assertThat(new SecurityConfiguration().staticTokenIntrospector(new MockEnvironment())).isNotNull();
        }
    }
}
