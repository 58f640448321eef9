package nl.menscentraal.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.support.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * Every {@code /api/**} call needs a bearer token; health, metrics and the OpenAPI document do not.
 * Refusals are problem+json like every other error. Which role may do what is decided in the
 * controllers, next to the rule it belongs to.
 *
 * <p>Tokens are JWTs from the municipality's OpenID Connect provider, verified by Spring Security's resource
 * server against the provider's keys ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or
 * {@code jwk-set-uri}), with the claims {@code sub}, {@code org} and {@code roles}. The local profile's static
 * tokens ({@code mens-centraal.security.static-tokens=true}) are opaque strings next to them; the application
 * refuses to start with them under the {@code production} profile, and refuses to start in production without
 * a JWT issuer.
 */
// before the resource server's own configuration, which adds a filter chain of its own when it finds none
@AutoConfiguration(before = OAuth2ResourceServerAutoConfiguration.class)
public class SecurityConfiguration {

    static final String PRODUCTION = "production";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, Environment environment,
                                    ObjectProvider<JwtDecoder> jwtDecoder, OpaqueTokenIntrospector introspector)
            throws Exception {
        JwtDecoder jwt = jwtDecoder.getIfAvailable();
        if (jwt == null && environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
            throw new IllegalStateException("Production needs an OpenID Connect provider: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri)");
        }
        AuthenticationManagerResolver<HttpServletRequest> tokens = tokenManagers(jwt, introspector);
        AuthenticationEntryPoint unauthorized = (request, response, e) -> write(objectMapper, response,
                HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> write(objectMapper, response,
                                HttpStatus.FORBIDDEN, "This principal may not do this.")));
        return http.build();
    }

    /**
     * A JWT (three dot-separated parts) goes to the JWT verifier when one is configured; anything else to the
     * opaque-token introspector, which knows only the local profile's static tokens or refuses everything.
     */
    static AuthenticationManagerResolver<HttpServletRequest> tokenManagers(JwtDecoder jwt, OpaqueTokenIntrospector introspector) {
        AuthenticationManager opaque = new ProviderManager(new OpaqueTokenAuthenticationProvider(introspector));
        if (jwt == null) {
            return request -> opaque;
        }
        JwtAuthenticationProvider verifier = new JwtAuthenticationProvider(jwt);
        verifier.setJwtAuthenticationConverter(new JwtCallers());
        AuthenticationManager jwts = new ProviderManager(verifier);
        DefaultBearerTokenResolver bearer = new DefaultBearerTokenResolver();
        return request -> {
            String token = bearer.resolve(request);
            return token != null && token.chars().filter(c -> c == '.').count() == 2 ? jwts : opaque;
        };
    }

    /** The local profile's fixed tokens; a production deployment leaves this off and gets no static tokens. */
    @Bean
    @ConditionalOnProperty(name = "mens-centraal.security.static-tokens", havingValue = "true")
    OpaqueTokenIntrospector staticTokenIntrospector(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
            throw new IllegalStateException("The static tokens of the local profile must never run in production: "
                    + "set mens-centraal.security.static-tokens=false");
        }
        return new StaticTokenIntrospector();
    }

    /** Without static tokens, opaque tokens authenticate nobody: only verified JWTs do. */
    @Bean
    @ConditionalOnProperty(name = "mens-centraal.security.static-tokens", havingValue = "false", matchIfMissing = true)
    OpaqueTokenIntrospector refuseAllIntrospector() {
        return token -> {
            throw new org.springframework.security.oauth2.server.resource.introspection.BadOpaqueTokenException("no token source configured");
        };
    }

    @Bean
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }

    private static void write(ObjectMapper mapper, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        ProblemDetail problem = Problems.of(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
