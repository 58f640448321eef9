package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** An operator rebuilds the client views from the event store and follows the progress; the timeline comes back. */
class ProjectionReplayTest extends PlatformTest {

    @Test
    void replaying_the_client_views_rebuilds_the_timeline_from_the_event_store() {
        String bsn = uniqueBsn();
        Map<String, Object> fact = envelope("wmo.opvang-toegelaten", bsn,
                OffsetDateTime.now(CLOCK).minusDays(1).withNano(0).toString(), Map.of("soort", "nachtopvang"));
        post("dev-wmo", "/api/v1/events", fact);
        awaitTimeline(bsn, List.of(fact.get("eventId").toString()));

        ResponseEntity<JsonNode> replay = post("dev-operator", "/api/v1/projections/client-views/replay", Map.of());

        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = get("dev-operator", "/api/v1/projections/client-views").getBody();
            assertThat(progress.path("caughtUp").asBoolean() && !progress.path("replaying").asBoolean()).as("%s", progress).isTrue();
        });
        awaitTimeline(bsn, List.of(fact.get("eventId").toString()));
        assertThat(get("dev-wmo", "/api/v1/clients/" + bsn + "/timeline").getBody().path("entries"))
                .extracting(e -> e.path("visibility").asText()).containsExactly("full");
    }

    @Test
    void only_operators_replay_and_only_projections_that_can_be() {
        assertThat(post("dev-auditor", "/api/v1/projections/client-views/replay", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(post("dev-operator", "/api/v1/projections/signal-delivery/replay", Map.of()).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }
}
