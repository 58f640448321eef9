package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kenny's journey from {@code scenarios.md}, posted by the partners through the REST API with its historical
 * dates, recorded via Kafka in the dossier, and read back with each principal's view.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KennyJourneyTest extends PlatformTest {

    static final String KENNY = "999996708";

    record Posted(String token, String partner, String type, String eventId) {
    }

    final List<Posted> posted = new ArrayList<>();

    @BeforeAll
    void kennys_partners_publish_his_history() {
        post("dev-wmo", "wmo.opvang-toegelaten", "2016-03-01T10:00:00+01:00", Map.of("soort", "nachtopvang"));
        post("dev-werk-inkomen", "werk-inkomen.uitkering-aangevraagd", "2016-03-02T10:00:00+01:00", Map.of("regeling", "daklozenuitkering"));
        post("dev-werk-inkomen", "werk-inkomen.uitkering-afgewezen", "2016-03-20T10:00:00+01:00", Map.of("reden", "geen-adres"));
        post("dev-wmo", "wmo.briefadres-verstrekt", "2016-04-25T10:00:00+02:00", Map.of());
        post("dev-werk-inkomen", "werk-inkomen.uitkering-toegekend", "2016-05-02T10:00:00+02:00", Map.of("regeling", "daklozenuitkering"));
        post("dev-wmo", "wmo.begeleid-wonen-gestart", "2016-07-01T10:00:00+02:00", Map.of("einddatum", "2017-01-01"));
        post("dev-schuldhulp", "schuldhulp.aanmelding-ontvangen", "2016-10-03T10:00:00+02:00", Map.of());
        post("dev-wmo", "wmo.maatwerkvoorziening-toegekend", "2017-02-01T10:00:00+01:00", Map.of("voorziening", "dagbesteding"));
        posted.forEach(p -> awaitRecorded(p.token(), p.eventId()));
        awaitTimeline(KENNY, posted.stream().map(Posted::eventId).toList());
    }

    private void post(String token, String type, String occurredAt, Map<String, Object> payload) {
        Map<String, Object> envelope = envelope(type, KENNY, occurredAt, payload);
        ResponseEntity<JsonNode> response = post(token, "/api/v1/events", envelope);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(response.getBody().path("status").asText()).isEqualTo("accepted");
        posted.add(new Posted(token, type.substring(0, type.indexOf('.')), type, envelope.get("eventId").toString()));
    }

    @Nested
    class Werk_en_inkomen {

        @Test
        void sees_the_whole_timeline_in_business_time_order() {
            JsonNode entries = get("dev-werk-inkomen", "/api/v1/clients/" + KENNY + "/timeline").getBody().path("entries");

            assertThat(entries).extracting(e -> e.path("eventId").asText())
                    .containsExactlyElementsOf(posted.stream().map(Posted::eventId).toList());
        }

        @Test
        void sees_its_own_events_in_full_and_wmos_as_presence_only() {
            JsonNode entries = get("dev-werk-inkomen", "/api/v1/clients/" + KENNY + "/timeline").getBody().path("entries");

            JsonNode aanvraag = entries.get(1);
            assertThat(aanvraag.path("visibility").asText()).isEqualTo("full");
            assertThat(aanvraag.path("type").asText()).isEqualTo("werk-inkomen.uitkering-aangevraagd");
            assertThat(aanvraag.path("payload").path("regeling").asText()).isEqualTo("daklozenuitkering");
            assertThat(aanvraag.path("occurredAt").asText()).isEqualTo("2016-03-02T10:00:00+01:00");

            JsonNode opvang = entries.get(0);
            assertThat(opvang.path("visibility").asText()).isEqualTo("presence");
            assertThat(opvang.path("partner").asText()).isEqualTo("wmo");
            assertThat(opvang.path("domain").asText()).isEqualTo("huisvesting");
            assertThat(fieldNames(opvang)).containsExactlyInAnyOrder("eventId", "partner", "domain", "occurredAt", "visibility");
        }

        @Test
        void can_narrow_the_timeline_to_a_domain_and_a_period() {
            JsonNode entries = get("dev-werk-inkomen",
                    "/api/v1/clients/" + KENNY + "/timeline?domain=inkomen&from=2016-03-10&to=2016-04-30").getBody().path("entries");

            assertThat(entries).extracting(e -> e.path("type").asText()).containsExactly("werk-inkomen.uitkering-afgewezen");
        }

        @Test
        void reads_the_summary_with_domains_clusters_and_partners() {
            JsonNode summary = get("dev-werk-inkomen", "/api/v1/clients/" + KENNY).getBody();

            assertThat(summary.path("activeDomains")).extracting(d -> d.path("domain").asText())
                    .containsExactlyInAnyOrder("huisvesting", "inkomen", "schulden", "dagelijks-functioneren");
            assertThat(summary.path("activeClusters")).extracting(JsonNode::asText)
                    .containsExactly("economisch", "sociaal-cultureel");
            assertThat(summary.path("involvedPartners")).extracting(p -> p.path("partner").asText() + "@" + p.path("since").asText())
                    .containsExactlyInAnyOrder("wmo@2016-03-01T10:00:00+01:00",
                            "werk-inkomen@2016-03-02T10:00:00+01:00", "schuldhulp@2016-10-03T10:00:00+02:00");
            assertThat(summary.path("regisseur").isMissingNode() || summary.path("regisseur").isNull()).isTrue();
        }
    }

    @Nested
    class Others {

        @Test
        void a_partner_without_facts_about_kenny_is_refused() {
            ResponseEntity<JsonNode> response = get("dev-ggz", "/api/v1/clients/" + KENNY + "/timeline");

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }

        @Test
        void a_regisseur_not_assigned_to_kenny_sees_only_presence_while_his_meervoudige_problematiek_signal_is_open() {
            // privacy.md: a regisseur not assigned, with an open signal routed to regie for the client, sees presence
            JsonNode entries = await().atMost(Duration.ofSeconds(30))
                    .until(() -> get("dev-regisseur-1", "/api/v1/clients/" + KENNY + "/timeline"),
                            r -> r.getStatusCode() == HttpStatus.OK).getBody().path("entries");

            assertThat(entries).extracting(e -> e.path("visibility").asText()).containsOnly("presence");
        }

        @Test
        void an_auditor_must_state_a_purpose_and_then_sees_everything() {
            ResponseEntity<JsonNode> without = get("dev-auditor", "/api/v1/clients/" + KENNY + "/timeline");
            assertThat(without.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(without.getBody().path("errors").get(0).path("field").asText()).isEqualTo("X-Purpose");

            JsonNode entries = get("dev-auditor", "/api/v1/clients/" + KENNY + "/timeline", Map.of("X-Purpose", "toezicht"))
                    .getBody().path("entries");
            assertThat(entries).hasSize(posted.size()).allSatisfy(e -> assertThat(e.path("visibility").asText()).isEqualTo("full"));
        }

        @Test
        void an_operator_never_reads_client_content() {
            assertThat(get("dev-operator", "/api/v1/clients/" + KENNY + "/timeline").getStatusCode())
                    .isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
