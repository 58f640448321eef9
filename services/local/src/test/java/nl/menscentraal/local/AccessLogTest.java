package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Logboek Dataverwerkingen: every read of a client's data, granted or refused, is in the access log, which
 * auditors read with a purpose, and a client's inzage overview shows dates, organisations, roles and purposes
 * without employee names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessLogTest extends PlatformTest {

    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    String bsn;

    @BeforeAll
    void wmo_records_a_fact_reads_it_and_ggz_tries_to() {
        bsn = uniqueBsn();
        Map<String, Object> envelope = envelope("wmo.melding-ontvangen", bsn, OffsetDateTime.now(CLOCK).minusDays(1).withNano(0).toString(), Map.of());
        post("dev-wmo", "/api/v1/events", envelope);
        awaitTimeline(bsn, List.of(envelope.get("eventId").toString()));
        assertThat(get("dev-wmo", "/api/v1/clients/" + bsn + "/timeline",
                Map.of("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("dev-ggz", "/api/v1/clients/" + bsn + "/timeline").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    List<JsonNode> entries(String query) {
        ResponseEntity<JsonNode> response = get("dev-auditor", "/api/v1/audit/access-log" + query, Map.of("X-Purpose", "toezicht"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> entries = new ArrayList<>();
        response.getBody().path("entries").forEach(entries::add);
        return entries;
    }

    @Test
    void an_auditor_sees_every_read_of_the_client_granted_or_refused_with_its_trace_id() {
        List<JsonNode> entries = entries("?bsn=" + bsn);

        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("principal").asText()).isEqualTo("svc-wmo");
            assertThat(e.path("role").asText()).isEqualTo("partner");
            assertThat(e.path("organisation").asText()).isEqualTo("wmo");
            assertThat(e.path("purpose").asText()).isEqualTo("hulpverlening");
            assertThat(e.path("outcome").asText()).isEqualTo("granted");
            assertThat(e.path("traceId").asText()).isEqualTo(TRACE_ID);
            assertThat(e.path("view").asText()).startsWith("timeline");
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("principal").asText()).isEqualTo("svc-ggz");
            assertThat(e.path("outcome").asText()).isEqualTo("denied");
        });
        assertThat(entries("?bsn=" + bsn + "&principal=svc-ggz")).extracting(e -> e.path("principal").asText())
                .containsOnly("svc-ggz");
    }

    @Test
    void reading_the_log_without_a_purpose_is_refused_and_itself_logged() {
        ResponseEntity<JsonNode> refused = get("dev-auditor", "/api/v1/audit/access-log?bsn=" + bsn);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").get(0).path("field").asText()).isEqualTo("X-Purpose");
        assertThat(entries("?principal=auditor-1")).anySatisfy(e -> {
            assertThat(e.path("view").asText()).isEqualTo("audit/access-log");
            assertThat(e.path("outcome").asText()).isEqualTo("denied");
        });
    }

    @Test
    void only_auditors_read_the_log_and_bad_filters_are_named() {
        assertThat(get("dev-regisseur-1", "/api/v1/audit/access-log").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("dev-operator", "/api/v1/audit/clients/" + bsn + "/access-overview").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> bad = get("dev-auditor", "/api/v1/audit/access-log?bsn=123456789&from=gisteren", Map.of("X-Purpose", "toezicht"));

        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().path("errors")).extracting(e -> e.path("field").asText()).containsExactlyInAnyOrder("bsn", "from");
    }

    @Test
    void the_inzage_overview_lists_dates_organisations_roles_and_purposes_but_no_employee_names() {
        ResponseEntity<JsonNode> overview = get("dev-auditor", "/api/v1/audit/clients/" + bsn + "/access-overview",
                Map.of("X-Purpose", "inzageverzoek"));

        assertThat(overview.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode accesses = overview.getBody().path("accesses");
        assertThat(accesses).anySatisfy(a -> {
            assertThat(a.path("organisation").asText()).isEqualTo("wmo");
            assertThat(a.path("role").asText()).isEqualTo("partner");
            assertThat(a.path("purpose").asText()).isEqualTo("hulpverlening");
            assertThat(a.path("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(accesses).noneSatisfy(a -> assertThat(a.path("organisation").asText()).isEqualTo("ggz"));
        assertThat(overview.getBody().toString()).doesNotContain("svc-wmo", "auditor-1", "principal");
    }
}
