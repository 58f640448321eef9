package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An auditor replays everything recorded about a client, facts and signals, in the order it was recorded. */
class AuditHistoryTest extends PlatformTest {

    @Test
    void an_auditor_reads_every_fact_situation_and_signal_of_a_client_in_recording_order() {
        String bsn = uniqueBsn();
        String since = OffsetDateTime.now(CLOCK).minusDays(3).withNano(0).toString();
        Map<String, Object> opvang = envelope("wmo.opvang-toegelaten", bsn, since, Map.of("soort", "nachtopvang"));
        Map<String, Object> aanvraag = envelope("werk-inkomen.uitkering-aangevraagd", bsn, since, Map.of("regeling", "bijstand"));
        post("dev-wmo", "/api/v1/events", opvang);
        awaitRecorded("dev-wmo", opvang.get("eventId").toString());
        post("dev-werk-inkomen", "/api/v1/events", aanvraag);
        awaitRecorded("dev-werk-inkomen", aanvraag.get("eventId").toString());

        List<JsonNode> events = await().atMost(Duration.ofSeconds(30)).until(() -> history(bsn),
                h -> h.stream().anyMatch(e -> e.path("type").asText().equals("SignalRaised")));

        assertThat(events).extracting(e -> e.path("type").asText()).containsSubsequence(
                "ChainEventRecorded", "ClientSituationChanged", "ChainEventRecorded", "ClientSituationChanged", "SignalRaised");
        assertThat(events).extracting(e -> e.path("globalIndex").asLong()).isSorted();
        assertThat(events).filteredOn(e -> e.path("type").asText().equals("ChainEventRecorded"))
                .extracting(e -> e.path("event").path("eventId").asText())
                .containsExactly(opvang.get("eventId").toString(), aanvraag.get("eventId").toString());
        assertThat(events).filteredOn(e -> e.path("type").asText().equals("SignalRaised")).singleElement()
                .satisfies(e -> {
                    assertThat(e.path("stream").asText()).isEqualTo("signals");
                    assertThat(e.path("event").path("ruleId").asText()).isEqualTo("KM-01");
                });
        assertThat(events).allSatisfy(e -> assertThat(e.path("recordedAt").asText()).isNotBlank());
    }

    @Test
    void an_unknown_client_is_404_and_a_missing_purpose_400() {
        assertThat(get("dev-auditor", "/api/v1/audit/clients/" + uniqueBsn() + "/events", Map.of("X-Purpose", "toezicht"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("dev-auditor", "/api/v1/audit/clients/" + uniqueBsn() + "/events").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("dev-regisseur-1", "/api/v1/audit/clients/" + uniqueBsn() + "/events").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    List<JsonNode> history(String bsn) {
        ResponseEntity<JsonNode> response = get("dev-auditor", "/api/v1/audit/clients/" + bsn + "/events", Map.of("X-Purpose", "toezicht"));
        List<JsonNode> events = new ArrayList<>();
        if (response.getStatusCode().is2xxSuccessful()) {
            response.getBody().path("events").forEach(events::add);
        }
        return events;
    }
}
