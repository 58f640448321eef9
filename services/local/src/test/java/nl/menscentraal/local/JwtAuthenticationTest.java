package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production authentication: JWTs from the municipality's OpenID Connect provider (claims {@code sub}, {@code org},
 * {@code roles}), verified against its key, here a key pair of the test's own.
 */
class JwtAuthenticationTest extends PlatformTest {

    String token(String subject, String organisation, String role) {
        return jwt(IDENTITY_PROVIDER.getPrivate(), subject, organisation, List.of(role), Duration.ofMinutes(5));
    }

    @Test
    void a_partner_system_with_a_jwt_publishes_as_its_organisation_and_reads_its_event() {
        String bsn = uniqueBsn();
        String token = token("svc-wmo-prod", "wmo", "partner");
        Map<String, Object> envelope = envelope("wmo.melding-ontvangen", bsn, OffsetDateTime.now(CLOCK).minusDays(1).withNano(0).toString(), Map.of());

        ResponseEntity<JsonNode> accepted = post(token, "/api/v1/events", envelope);

        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitRecorded(token, envelope.get("eventId").toString());
        awaitTimeline(bsn, List.of(envelope.get("eventId").toString()));
        assertThat(get(token, "/api/v1/clients/" + bsn + "/timeline").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void a_regisseur_with_a_jwt_reads_the_signals_routed_to_regie_and_an_operator_the_rules() {
        assertThat(get(token("m.jansen", "regie", "regisseur"), "/api/v1/signals").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(token("beheer-1", "beheer", "operator"), "/api/v1/rules").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(token("beheer-1", "beheer", "operator"), "/api/v1/signals").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void an_expired_token_a_foreign_signature_or_missing_claims_get_401_as_problem_json() {
        String expired = jwt(IDENTITY_PROVIDER.getPrivate(), "m.jansen", "regie", List.of("regisseur"), Duration.ofMinutes(-5));
        String foreign = jwt(rsaKeyPair().getPrivate(), "m.jansen", "regie", List.of("regisseur"), Duration.ofMinutes(5));
        String noOrganisation = jwt(IDENTITY_PROVIDER.getPrivate(), "m.jansen", null, List.of("regisseur"), Duration.ofMinutes(5));
        String twoRoles = jwt(IDENTITY_PROVIDER.getPrivate(), "m.jansen", "regie", List.of("regisseur", "auditor"), Duration.ofMinutes(5));

        for (String token : List.of(expired, foreign, noOrganisation, twoRoles)) {
            ResponseEntity<JsonNode> refused = get(token, "/api/v1/signals");
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
