package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Operators read the rules, change a threshold without a code change, and backtest a change first. */
class SignalRulesApiTest extends PlatformTest {

    @Test
    void an_operator_reads_the_thirteen_rules_with_their_versions() {
        ResponseEntity<JsonNode> rules = get("dev-operator", "/api/v1/rules");

        assertThat(rules.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(rules.getBody().path("rules")).extracting(r -> r.path("id").asText()).containsExactly(
                "MP-01", "KM-01", "HU-01", "HU-02", "IN-01", "SH-01", "SH-02", "RG-01", "RG-02", "PA-01", "VW-01", "AF-01", "GZ-01");
        assertThat(rules.getBody().path("yaml").asText()).contains("heldFor: P14D");
    }

    @Test
    void a_changed_threshold_is_a_new_version_of_the_set_and_of_that_rule_only() {
        JsonNode before = get("dev-operator", "/api/v1/rules").getBody();
        String yaml = before.path("yaml").asText();
        try {
            ResponseEntity<JsonNode> changed = put("dev-operator", yaml.replace("within: P21D", "within: P14D"));

            assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(changed.getBody().path("version").asInt()).isEqualTo(before.path("version").asInt() + 1);
            assertThat(version(changed.getBody(), "VW-01")).isEqualTo(version(before, "VW-01") + 1);
            assertThat(version(changed.getBody(), "SH-01")).isEqualTo(version(before, "SH-01"));
            assertThat(get("dev-operator", "/api/v1/rules").getBody().path("yaml").asText()).contains("within: P14D");
        } finally {
            put("dev-operator", yaml);
        }
    }

    @Test
    void a_broken_rules_file_is_refused_naming_every_problem_and_changes_nothing() {
        JsonNode before = get("dev-operator", "/api/v1/rules").getBody();
        String broken = before.path("yaml").asText().replaceFirst("severity: aandacht", "severity: dringend")
                .replace("heldFor: P14D", "heldFor: twee-weken");

        ResponseEntity<JsonNode> refused = put("dev-operator", broken);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors")).extracting(e -> e.path("field").asText())
                .containsExactlyInAnyOrder("yaml:rules[0].severity", "yaml:rules[7].when.heldFor");
        assertThat(get("dev-operator", "/api/v1/rules").getBody().path("version")).isEqualTo(before.path("version"));
    }

    @Test
    void only_operators_change_or_backtest_the_rules() {
        assertThat(put("dev-regisseur-1", "rules: []").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("dev-wmo", "/api/v1/rules/backtest", Map.of()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void a_backtest_of_a_stricter_threshold_reports_fewer_signals_and_writes_none() {
        // three partners involved for twenty days, no regisseur: RG-01 after 14 days, not after 30
        String bsn = uniqueBsn();
        String since = OffsetDateTime.now(CLOCK).minusDays(20).withOffsetSameInstant(ZoneOffset.UTC).withNano(0).toString();
        postRecorded("dev-wmo", "wmo.opvang-toegelaten", bsn, since, Map.of("soort", "nachtopvang"));
        postRecorded("dev-ggz", "ggz.aanmelding-ontvangen", bsn, since, Map.of());
        postRecorded("dev-schuldhulp", "schuldhulp.aanmelding-ontvangen", bsn, since, Map.of());
        String yaml = get("dev-operator", "/api/v1/rules").getBody().path("yaml").asText();
        String from = OffsetDateTime.now(CLOCK).minusDays(60).toLocalDate().toString();

        ResponseEntity<JsonNode> backtest = post("dev-operator", "/api/v1/rules/backtest",
                Map.of("rules", yaml.replace("heldFor: P14D", "heldFor: P30D"), "from", from));

        assertThat(backtest.getStatusCode()).isEqualTo(HttpStatus.OK);
        int current = backtest.getBody().path("current").path("byRule").path("RG-01").path("signals").asInt();
        int proposed = backtest.getBody().path("proposed").path("byRule").path("RG-01").path("signals").asInt();
        assertThat(current).isGreaterThan(proposed);
        assertThat(backtest.getBody().path("current").path("raised")).anySatisfy(s -> assertThat(s.path("ruleId").asText()).isEqualTo("RG-01"));
        assertThat(backtest.toString()).doesNotContain(bsn);
        // live, the grace has not passed yet: nothing was raised for RG-01, the backtest wrote nothing
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(get("dev-auditor", "/api/v1/signals?bsn=" + bsn + "&ruleId=RG-01", Map.of("X-Purpose", "toezicht"))
                        .getBody().path("signals")).isEmpty());
    }

    @Test
    void a_backtest_with_a_broken_proposal_or_period_names_the_problems() {
        ResponseEntity<JsonNode> refused = post("dev-operator", "/api/v1/rules/backtest",
                Map.of("rules", "rules:\n  - id: X\n", "from", "gisteren"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("errors")).extracting(e -> e.path("field").asText())
                .contains("from", "rules:rules[0].name", "rules:rules[0].when");
    }

    @Test
    void metrics_count_signals_per_rule_and_severity_deliveries_and_evaluation_time_without_a_bsn() {
        String bsn = uniqueBsn();
        postRecorded("dev-wmo", "wmo.opvang-toegelaten", bsn, OffsetDateTime.now(CLOCK).minusDays(2).withNano(0).toString(), Map.of("soort", "nachtopvang"));
        postRecorded("dev-ggz", "ggz.aanmelding-ontvangen", bsn, OffsetDateTime.now(CLOCK).minusDays(1).withNano(0).toString(), Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> http.getForObject("/actuator/prometheus", String.class)
                .contains("channel=\"kafka\""));

        String scrape = http.getForObject("/actuator/prometheus", String.class);

        assertThat(scrape).containsPattern("mens_centraal_signals_raised_total\\{[^}]*rule=\"KM-01\"[^}]*severity=\"info\"");
        assertThat(scrape).containsPattern("mens_centraal_signal_deliveries_total\\{[^}]*channel=\"kafka\"[^}]*outcome=\"ok\"");
        assertThat(scrape).contains("mens_centraal_signal_evaluation_seconds_count");
        assertThat(scrape).doesNotContain(bsn);
    }

    ResponseEntity<JsonNode> put(String token, String yaml) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
        return http.exchange("/api/v1/rules", HttpMethod.PUT, new HttpEntity<>(Map.of("yaml", yaml), headers), JsonNode.class);
    }

    void postRecorded(String token, String type, String bsn, String occurredAt, Map<String, Object> payload) {
        Map<String, Object> envelope = envelope(type, bsn, occurredAt, payload);
        assertThat(post(token, "/api/v1/events", envelope).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitRecorded(token, envelope.get("eventId").toString());
    }

    static int version(JsonNode ruleSet, String ruleId) {
        for (JsonNode rule : ruleSet.path("rules")) {
            if (rule.path("id").asText().equals(ruleId)) {
                return rule.path("version").asInt();
            }
        }
        throw new AssertionError(ruleId + " is not in the rule set");
    }
}
