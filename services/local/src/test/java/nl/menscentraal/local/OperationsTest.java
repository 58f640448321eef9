package nl.menscentraal.local;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator relies on: health, metrics and the API document, with no client data in any of them. */
class OperationsTest extends PlatformTest {

    @Test
    void readiness_includes_kafka_and_postgresql_and_is_up() {
        ResponseEntity<String> readiness = http.getForEntity("/actuator/health/readiness", String.class);

        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void metrics_count_events_per_partner_type_and_outcome_and_never_name_a_client() {
        String bsn = uniqueBsn();
        Map<String, Object> envelope = envelope("wmo.melding-ontvangen", bsn, "2026-01-05T10:00:00+01:00", Map.of());
        post("dev-wmo", "/api/v1/events", envelope);
        awaitRecorded("dev-wmo", envelope.get("eventId").toString());

        String scrape = http.getForObject("/actuator/prometheus", String.class);

        assertThat(scrape).containsPattern("mens_centraal_intake_events_total\\{[^}]*outcome=\"accepted\"[^}]*partner=\"wmo\"[^}]*type=\"wmo.melding-ontvangen\"");
        assertThat(scrape).containsPattern("mens_centraal_dossier_events_total\\{[^}]*outcome=\"recorded\"[^}]*partner=\"wmo\"");
        assertThat(scrape).doesNotContain(bsn);
    }

    @Test
    void metrics_show_how_far_the_client_views_are_behind_and_not_axons_per_message_timers() {
        String bsn = uniqueBsn();
        Map<String, Object> envelope = envelope("wmo.melding-ontvangen", bsn, "2026-01-06T10:00:00+01:00", Map.of());
        post("dev-wmo", "/api/v1/events", envelope);
        awaitTimeline(bsn, List.of(envelope.get("eventId").toString()));

        String scrape = http.getForObject("/actuator/prometheus", String.class);

        assertThat(scrape).containsPattern("eventProcessor_latency[a-z_]*\\{[^}]*eventProcessor=\"client-views\"");
        assertThat(scrape).doesNotContain("commandBus_", "eventProcessor_processingTime");
    }

    @Test
    void the_openapi_document_describes_the_partner_and_client_endpoints() {
        String document = http.getForObject("/v3/api-docs", String.class);

        assertThat(document).contains("/api/v1/events", "/api/v1/events/batch", "/api/v1/clients/{bsn}/timeline");
    }
}
