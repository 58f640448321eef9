package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A signal's life through the API: routed to the right people only, acknowledged, resolved with a note, and lapsing
 * when its reason disappears.
 */
class SignalLifecycleTest extends PlatformTest {

    @AfterEach
    void clock_back_to_now() {
        CLOCK.reset();
    }

    static String daysAgo(int days) {
        return OffsetDateTime.now(CLOCK).minusDays(days).withOffsetSameInstant(ZoneOffset.ofHours(1)).withNano(0).toString();
    }

    /** A client with problems in two clusters and two partners: meervoudige problematiek and a ketenmatch. */
    String clientWithMultipleProblems() {
        String bsn = uniqueBsn();
        postRecorded("dev-wmo", "wmo.opvang-toegelaten", bsn, daysAgo(10), Map.of("soort", "nachtopvang"));
        postRecorded("dev-ggz", "ggz.aanmelding-ontvangen", bsn, daysAgo(9), Map.of());
        return bsn;
    }

    @Nested
    class Routing {

        @Test
        void a_regisseur_sees_the_signals_routed_to_regie_and_a_partner_those_routed_to_it() {
            String bsn = clientWithMultipleProblems();
            awaitRules(bsn, "MP-01", "KM-01");

            assertThat(rules(list("dev-regisseur-1", bsn))).containsExactly("MP-01");
            assertThat(rules(list("dev-wmo", bsn))).containsExactly("KM-01");
            assertThat(rules(list("dev-ggz", bsn))).containsExactly("KM-01");
            assertThat(rules(list("dev-jeugd", bsn))).isEmpty();
        }

        @Test
        void a_partner_it_is_not_routed_to_gets_404_and_an_operator_403() {
            String bsn = clientWithMultipleProblems();
            String ketenmatch = awaitSignal(bsn, "KM-01").path("signalId").asText();

            assertThat(get("dev-jeugd", "/api/v1/signals/" + ketenmatch).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("dev-regisseur-1", "/api/v1/signals/" + ketenmatch).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(get("dev-wmo", "/api/v1/signals/" + ketenmatch).getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(get("dev-operator", "/api/v1/signals").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }

        @Test
        void an_auditor_must_state_a_purpose_and_a_bad_filter_is_named() {
            ResponseEntity<JsonNode> noPurpose = get("dev-auditor", "/api/v1/signals");
            ResponseEntity<JsonNode> badFilters = get("dev-regisseur-1", "/api/v1/signals?status=klaar&bsn=123456789");

            assertThat(noPurpose.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(noPurpose.getBody().path("errors").get(0).path("field").asText()).isEqualTo("X-Purpose");
            assertThat(badFilters.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(badFilters.getBody().path("errors")).extracting(e -> e.path("field").asText())
                    .containsExactlyInAnyOrder("status", "bsn");
        }
    }

    @Nested
    class Handling {

        @Test
        void a_regisseur_acknowledges_a_signal_and_resolves_it_with_a_resolution_and_a_note() {
            String bsn = clientWithMultipleProblems();
            String signalId = awaitSignal(bsn, "MP-01").path("signalId").asText();

            ResponseEntity<JsonNode> acknowledged = post("dev-regisseur-1", "/api/v1/signals/" + signalId + "/acknowledge", Map.of());
            ResponseEntity<JsonNode> again = post("dev-regisseur-2", "/api/v1/signals/" + signalId + "/acknowledge", Map.of());
            ResponseEntity<JsonNode> resolved = post("dev-regisseur-1", "/api/v1/signals/" + signalId + "/resolve",
                    Map.of("resolution", "opgepakt", "note", "Casusoverleg gepland."));

            assertThat(acknowledged.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(acknowledged.getBody().path("status").asText()).isEqualTo("in-behandeling");
            assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(resolved.getBody().path("status").asText()).isEqualTo("afgehandeld");
            assertThat(resolved.getBody().path("history")).extracting(s -> s.path("status").asText())
                    .containsExactly("open", "in-behandeling", "afgehandeld");
            assertThat(resolved.getBody().path("history").get(2).path("resolution").asText()).isEqualTo("opgepakt");
            assertThat(resolved.getBody().path("history").get(2).path("note").asText()).isEqualTo("Casusoverleg gepland.");
            assertThat(rules(list("dev-regisseur-1", bsn, "afgehandeld"))).containsExactly("MP-01");
            assertThat(rules(list("dev-regisseur-1", bsn, "open"))).isEmpty();
        }

        @Test
        void a_resolution_without_a_valid_outcome_and_note_is_refused_naming_both() {
            String bsn = clientWithMultipleProblems();
            String signalId = awaitSignal(bsn, "MP-01").path("signalId").asText();

            ResponseEntity<JsonNode> refused = post("dev-regisseur-1", "/api/v1/signals/" + signalId + "/resolve",
                    Map.of("resolution", "klaar"));

            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().path("errors")).extracting(e -> e.path("field").asText())
                    .containsExactlyInAnyOrder("resolution", "note");
            assertThat(awaitSignal(bsn, "MP-01").path("status").asText()).isEqualTo("open");
        }

        @Test
        void the_rule_does_not_fire_again_while_its_signal_is_open() {
            String bsn = clientWithMultipleProblems();
            awaitSignal(bsn, "MP-01");

            // a third cluster: the condition still holds, it is the same episode
            postRecorded("dev-werk-inkomen", "werk-inkomen.uitkering-aangevraagd", bsn, daysAgo(2), Map.of("regeling", "bijstand"));

            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(rules(list("dev-regisseur-1", bsn))).containsExactly("MP-01"));
        }
    }

    @Nested
    class Lapsing {

        @Test
        void a_late_fact_inside_the_window_moves_a_fired_deadline_signal_to_vervallen() {
            String bsn = uniqueBsn();
            postRecorded("dev-schuldhulp", "schuldhulp.aanmelding-ontvangen", bsn, daysAgo(40), Map.of());
            CLOCK.advance(Duration.ofMinutes(11));
            JsonNode wacht = awaitSignal(bsn, "SH-01");
            assertThat(wacht.path("status").asText()).isEqualTo("open");

            // the first conversation did take place within the 28 days; the partner reports it late
            postRecorded("dev-schuldhulp", "schuldhulp.eerste-gesprek-gevoerd", bsn, daysAgo(20), Map.of());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(awaitSignal(bsn, "SH-01").path("status").asText()).isEqualTo("vervallen"));
        }

        @Test
        void a_deadline_does_not_fire_before_the_late_arrival_grace_has_passed() {
            String bsn = uniqueBsn();
            postRecorded("dev-schuldhulp", "schuldhulp.aanmelding-ontvangen", bsn, daysAgo(40), Map.of());
            postRecorded("dev-schuldhulp", "schuldhulp.betalingsachterstand-gesignaleerd", bsn, daysAgo(1),
                    Map.of("schuldeiser", "water", "bedrag", 80));

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(rules(list("dev-schuldhulp", bsn))).isEmpty());
        }

        @Test
        void an_eviction_threat_lapses_when_the_eviction_is_prevented() {
            String bsn = uniqueBsn();
            postRecorded("dev-schuldhulp", "schuldhulp.ontruiming-aangezegd", bsn, daysAgo(5), Map.of("datumOntruiming", "2027-01-15"));
            JsonNode dreigt = awaitSignal(bsn, "HU-01");
            assertThat(dreigt.path("severity").asText()).isEqualTo("urgent");
            assertThat(dreigt.path("routedTo")).extracting(JsonNode::asText).containsExactly("regie", "schuldhulp");

            postRecorded("dev-schuldhulp", "schuldhulp.ontruiming-voorkomen", bsn, daysAgo(1), Map.of());

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(awaitSignal(bsn, "HU-01").path("status").asText()).isEqualTo("vervallen"));
        }
    }

    void postRecorded(String token, String type, String bsn, String occurredAt, Map<String, Object> payload) {
        Map<String, Object> envelope = envelope(type, bsn, occurredAt, payload);
        ResponseEntity<JsonNode> response = post(token, "/api/v1/events", envelope);
        assertThat(response.getStatusCode()).as(response.toString()).isEqualTo(HttpStatus.ACCEPTED);
        awaitRecorded(token, envelope.get("eventId").toString());
    }

    List<JsonNode> list(String token, String bsn) {
        return list(token, bsn, null);
    }

    List<JsonNode> list(String token, String bsn, String status) {
        String path = "/api/v1/signals?bsn=" + bsn + (status == null ? "" : "&status=" + status);
        ResponseEntity<JsonNode> response = get(token, path, Map.of("X-Purpose", "toezicht"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> signals = new ArrayList<>();
        response.getBody().path("signals").forEach(signals::add);
        return signals;
    }

    static List<String> rules(List<JsonNode> signals) {
        return signals.stream().map(s -> s.path("ruleId").asText()).toList();
    }

    void awaitRules(String bsn, String... ruleIds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(rules(list("dev-auditor", bsn))).containsExactlyInAnyOrder(ruleIds));
    }

    JsonNode awaitSignal(String bsn, String ruleId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> list("dev-auditor", bsn).stream()
                .filter(s -> s.path("ruleId").asText().equals(ruleId)).findFirst().orElse(null), s -> s != null);
    }
}
