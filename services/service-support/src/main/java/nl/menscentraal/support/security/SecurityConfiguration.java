package nl.menscentraal.support.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.support.web.Problems;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
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
 */
@AutoConfiguration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> write(objectMapper, response,
                HttpStatus.UNAUTHORIZED, "A valid bearer token is required.");
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/prometheus", "/v3/api-docs/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .opaqueToken(opaque -> {
                        })
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(ex -> ex
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, e) -> write(objectMapper, response,
                                HttpStatus.FORBIDDEN, "This principal may not do this.")));
        return http.build();
    }

    /** The local profile's fixed tokens; a production deployment leaves this off and gets no static tokens. */
    @Bean
    @ConditionalOnProperty(name = "mens-centraal.security.static-tokens", havingValue = "true")
    OpaqueTokenIntrospector staticTokenIntrospector() {
        return new StaticTokenIntrospector();
    }

    /**
     * Without static tokens and before the OpenID Connect configuration lands, nothing authenticates:
     * refusing everyone is the safe default.
     */
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
