package nl.menscentraal.local;

import nl.menscentraal.embedded.TestBsns;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.menscentraal.embedded.EmbeddedPlatformInfrastructure;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The whole platform in one Spring context, on the real REST API, a real Kafka broker and a real PostgreSQL
 * server, shared by every end-to-end test in the JVM. Tests keep out of each other's way with their own BSNs
 * and eventIds, never by restarting anything. Metrics export stays on (Spring Boot turns it off in tests by
 * default) because operators' metrics are part of what is tested.
 */
@AutoConfigureObservability
@SpringBootTest(classes = {LocalPlatformApplication.class, PlatformTest.TestClock.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class PlatformTest {

    /** One clock for the whole platform; tests that move it put it back when they finish. */
    static final MovableClock CLOCK = new MovableClock();

    /** The test's own OpenID Connect provider: JWTs signed with this key are what production accepts. */
    static final KeyPair IDENTITY_PROVIDER = rsaKeyPair();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestClock {
        @Bean
        Clock clock() {
            return CLOCK;
        }

        @Bean
        JwtDecoder jwtDecoder() {
            return NimbusJwtDecoder.withPublicKey((RSAPublicKey) IDENTITY_PROVIDER.getPublic()).build();
        }
    }

    static KeyPair rsaKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has RSA", e);
        }
    }

    /** A JWT as the municipality's identity provider would issue it, signed with {@code key}. */
    static String jwt(PrivateKey key, String subject, String organisation, List<String> roles, Duration validFor) {
        try {
            Instant now = CLOCK.instant();
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(subject).issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plus(validFor))).claim("roles", roles);
            if (organisation != null) {
                claims.claim("org", organisation);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedPlatformInfrastructure infra = EmbeddedPlatformInfrastructure.shared();
        registry.add("spring.datasource.url", infra.postgres()::jdbcUrl);
        registry.add("spring.datasource.username", infra.postgres()::username);
        registry.add("spring.datasource.password", infra.postgres()::password);
        registry.add("spring.kafka.bootstrap-servers", infra.kafka()::bootstrapServers);
    }

    @Autowired
    TestRestTemplate http;

    final ObjectMapper json = new ObjectMapper();

    static String kafkaBootstrap() {
        return EmbeddedPlatformInfrastructure.shared().kafka().bootstrapServers();
    }

    /** A BSN no other test uses: 8 random digits and the check digit the elfproef demands. */
    static String uniqueBsn() {
        return TestBsns.unique();
    }

    static Map<String, Object> envelope(String type, String bsn, String occurredAt, Map<String, Object> payload) {
        return Map.of("eventId", UUID.randomUUID().toString(), "type", type, "bsn", bsn,
                "occurredAt", occurredAt, "payload", payload);
    }

    ResponseEntity<JsonNode> post(String token, String path, Object body) {
        HttpHeaders headers = headers(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
    }

    ResponseEntity<JsonNode> get(String token, String path) {
        return get(token, path, Map.of());
    }

    ResponseEntity<JsonNode> get(String token, String path, Map<String, String> extraHeaders) {
        HttpHeaders headers = headers(token);
        extraHeaders.forEach(headers::add);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private static HttpHeaders headers(String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        headers.setAccept(java.util.List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return headers;
    }

    /**
     * Waits until the client's timeline (as an auditor reads it) holds at least these events: "recorded" means
     * in the dossier, and the views follow a moment later.
     */
    void awaitTimeline(String bsn, java.util.Collection<String> eventIds) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> timeline = get("dev-auditor", "/api/v1/clients/" + bsn + "/timeline",
                    Map.of("X-Purpose", "toezicht"));
            if (!timeline.getStatusCode().is2xxSuccessful()) {
                return false;
            }
            java.util.Set<String> seen = new java.util.HashSet<>();
            timeline.getBody().path("entries").forEach(e -> seen.add(e.path("eventId").asText()));
            return seen.containsAll(eventIds);
        });
    }

    /** Posts, waits until the dossier and the views hold it, and returns its eventId. */
    String recorded(String token, Map<String, Object> envelope, String bsn) {
        ResponseEntity<JsonNode> response = post(token, "/api/v1/events", envelope);
        if (response.getStatusCode().value() != 202) {
            throw new AssertionError(envelope.get("type") + ": " + response.getStatusCode() + " " + response.getBody());
        }
        String eventId = envelope.get("eventId").toString();
        awaitRecorded(token, eventId);
        awaitTimeline(bsn, List.of(eventId));
        return eventId;
    }

    /** Waits until the partner's event is in the dossier, as the partner sees it through the status endpoint. */
    void awaitRecorded(String token, String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> status = get(token, "/api/v1/events/" + eventId);
            return status.getStatusCode().is2xxSuccessful() && "recorded".equals(status.getBody().path("status").asText());
        });
    }
}
