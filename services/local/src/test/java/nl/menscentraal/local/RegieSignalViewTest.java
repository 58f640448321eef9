package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * privacy.md: a regisseur who is not assigned sees presence for everything while a signal routed to regie is open for
 * the client. The whole way round: facts over REST, Kafka, the dossier, the signals service raising MP-01, its
 * announcement on Kafka back into the dossier, and the resolution closing the view again.
 */
class RegieSignalViewTest extends PlatformTest {

    static String daysAgo(int days) {
        return OffsetDateTime.now(CLOCK).minusDays(days).withOffsetSameInstant(ZoneOffset.ofHours(1)).withNano(0).toString();
    }

    @Test
    void an_unassigned_regisseur_sees_presence_while_a_regie_signal_is_open_and_is_refused_once_it_is_resolved() {
        String bsn = uniqueBsn();
        String shelter = recorded("dev-wmo", withProfessional(envelope("wmo.opvang-toegelaten", bsn, daysAgo(10),
                Map.of("soort", "nachtopvang"))), bsn);
        assertThat(status("dev-regisseur-2", "/api/v1/clients/" + bsn + "/timeline")).isEqualTo(403);

        // a second partner and a second cluster: meervoudige problematiek, routed to regie (and KM-01 to the partners)
        String ggz = recorded("dev-ggz", withProfessional(envelope("ggz.aanmelding-ontvangen", bsn, daysAgo(9), Map.of())), bsn);

        JsonNode timeline = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("dev-regisseur-2", "/api/v1/clients/" + bsn + "/timeline"),
                        r -> r.getStatusCode() == HttpStatus.OK).getBody();
        assertThat(timeline.path("entries")).extracting(e -> e.path("eventId").asText()).containsExactly(shelter, ggz);
        assertThat(timeline.path("entries")).allSatisfy(e -> {
            assertThat(e.path("visibility").asText()).isEqualTo("presence");
            assertThat(e.has("type") || e.has("payload") || e.has("professional")).isFalse();
        });

        java.time.Instant whileOpen = CLOCK.instant();
        JsonNode summary = get("dev-regisseur-2", "/api/v1/clients/" + bsn).getBody();
        assertThat(summary.path("openSignals")).singleElement().satisfies(s -> {
            assertThat(s.path("ruleId").asText()).isEqualTo("MP-01");
            assertThat(s.path("severity").asText()).isEqualTo("aandacht");
            assertThat(s.path("status").asText()).isEqualTo("open");
            assertThat(s.has("explanation")).isFalse();
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(openSignalRules("dev-wmo", bsn)).containsExactly("KM-01");
            assertThat(openSignalRules("dev-auditor", bsn)).containsExactlyInAnyOrder("MP-01", "KM-01");
        });
        assertThat(accessLog(bsn)).anySatisfy(e -> {
            assertThat(e.path("principal").asText()).isEqualTo("regisseur-2");
            assertThat(e.path("view").asText()).isEqualTo("timeline/regisseur-signal");
            assertThat(e.path("outcome").asText()).isEqualTo("granted");
        });

        String signalId = summary.path("openSignals").get(0).path("signalId").asText();
        ResponseEntity<JsonNode> resolved = post("dev-regisseur-2", "/api/v1/signals/" + signalId + "/resolve",
                Map.of("resolution", "opgepakt", "note", "Regisseur wordt toegewezen."));
        assertThat(resolved.getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status("dev-regisseur-2", "/api/v1/clients/" + bsn + "/timeline")).isEqualTo(403));
        assertThat(status("dev-regisseur-2", "/api/v1/clients/" + bsn)).isEqualTo(403);
        assertThat(openSignalRules("dev-auditor", bsn)).containsExactly("KM-01");

        // an auditor's rebuild from the event store agrees, before and after the resolution
        JsonNode then = asOf(bsn, whileOpen, "regisseur-2");
        assertThat(then.path("visibility").asText()).isEqualTo("regisseur-signal");
        assertThat(then.path("entries")).extracting(e -> e.path("visibility").asText()).containsOnly("presence").hasSize(2);
        assertThat(asOf(bsn, CLOCK.instant(), "regisseur-2").path("visibility").asText()).isEqualTo("none");
    }

    JsonNode asOf(String bsn, java.time.Instant at, String viewer) {
        ResponseEntity<JsonNode> response = get("dev-auditor", "/api/v1/audit/clients/" + bsn + "/timeline?asOf=" + at
                + "&viewer=" + viewer, Map.of("X-Purpose", "toezicht"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    @Test
    void an_acknowledged_regie_signal_still_opens_the_view_and_the_assigned_regisseur_keeps_the_full_one() {
        String bsn = uniqueBsn();
        recorded("dev-wmo", envelope("wmo.opvang-toegelaten", bsn, daysAgo(10), Map.of("soort", "nachtopvang")), bsn);
        recorded("dev-ggz", envelope("ggz.aanmelding-ontvangen", bsn, daysAgo(9), Map.of()), bsn);
        String signalId = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("dev-regisseur-1", "/api/v1/signals?bsn=" + bsn).getBody().path("signals"),
                        s -> s.size() == 1).get(0).path("signalId").asText();
        assertThat(post("dev-regisseur-1", "/api/v1/signals/" + signalId + "/acknowledge", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        recorded("dev-regisseur-1", envelope("regie.regisseur-toegewezen", bsn, daysAgo(1),
                Map.of("regisseurId", "regisseur-1", "organisatie", "regie")), bsn);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                openSignalStatuses("dev-regisseur-2", bsn)).containsExactly("in-behandeling"));
        JsonNode assigned = get("dev-regisseur-1", "/api/v1/clients/" + bsn + "/timeline").getBody().path("entries");
        assertThat(assigned).extracting(e -> e.path("partner").asText() + ":" + e.path("visibility").asText())
                .containsExactly("wmo:full", "ggz:presence", "regie:full");
        JsonNode signalled = get("dev-regisseur-2", "/api/v1/clients/" + bsn + "/timeline").getBody().path("entries");
        assertThat(signalled).extracting(e -> e.path("visibility").asText()).containsOnly("presence").hasSize(3);
    }

    static Map<String, Object> withProfessional(Map<String, Object> envelope) {
        Map<String, Object> withProfessional = new HashMap<>(envelope);
        withProfessional.put("professional", Map.of("id", "p-1", "displayName", "A. Hulpverlener", "contact", "a@partner.example"));
        return withProfessional;
    }


    int status(String token, String path) {
        return get(token, path).getStatusCode().value();
    }

    List<String> openSignalRules(String token, String bsn) {
        return openSignals(token, bsn).stream().map(s -> s.path("ruleId").asText()).toList();
    }

    List<String> openSignalStatuses(String token, String bsn) {
        return openSignals(token, bsn).stream().map(s -> s.path("status").asText()).toList();
    }

    List<JsonNode> openSignals(String token, String bsn) {
        ResponseEntity<JsonNode> summary = get(token, "/api/v1/clients/" + bsn, Map.of("X-Purpose", "toezicht"));
        assertThat(summary.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> signals = new java.util.ArrayList<>();
        summary.getBody().path("openSignals").forEach(signals::add);
        return signals;
    }

    List<JsonNode> accessLog(String bsn) {
        List<JsonNode> entries = new java.util.ArrayList<>();
        get("dev-auditor", "/api/v1/audit/access-log?bsn=" + bsn, Map.of("X-Purpose", "toezicht")).getBody()
                .path("entries").forEach(entries::add);
        return entries;
    }
}
