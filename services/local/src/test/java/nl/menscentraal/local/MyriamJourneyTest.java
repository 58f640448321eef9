package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Myriam's journey from {@code scenarios.md}: a mother with debts and depression, a son the school worries
 * about, and a regisseur who sees income and debts in full but care data as presence only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MyriamJourneyTest extends PlatformTest {

    static final String MOTHER = "999993653";
    static final String SON = "999990950";

    @BeforeAll
    void the_partners_and_the_regie_team_publish_her_history() {
        java.util.Map<String, java.util.List<String>> posted = new java.util.HashMap<>();
        for (Object[] e : List.of(
                new Object[]{"dev-werk-inkomen", MOTHER, "werk-inkomen.uitkering-aangevraagd", "2015-09-01T09:00:00+02:00", Map.of("regeling", "bijstand")},
                new Object[]{"dev-werk-inkomen", MOTHER, "werk-inkomen.huishouden-vastgesteld", "2015-09-01T09:30:00+02:00", Map.of("leden", List.of(MOTHER, SON))},
                new Object[]{"dev-schuldhulp", MOTHER, "schuldhulp.betalingsachterstand-gesignaleerd", "2015-10-01T09:00:00+02:00", Map.of("schuldeiser", "energie", "bedrag", 640)},
                new Object[]{"dev-ggz", MOTHER, "ggz.aanmelding-ontvangen", "2015-10-05T09:00:00+02:00", Map.of()},
                new Object[]{"dev-jeugd", SON, "jeugd.zorgmelding-ontvangen", "2015-10-12T09:00:00+02:00", Map.of("bron", "school")},
                new Object[]{"dev-regisseur-1", MOTHER, "regie.regisseur-toegewezen", "2015-11-02T09:00:00+01:00", Map.of("regisseurId", "regisseur-1", "organisatie", "gemeente")})) {
            @SuppressWarnings("unchecked")
            Map<String, Object> envelope = envelope((String) e[2], (String) e[1], (String) e[3], (Map<String, Object>) e[4]);
            ResponseEntity<JsonNode> response = post((String) e[0], "/api/v1/events", envelope);
            assertThat(response.getStatusCode()).as((String) e[2]).isEqualTo(HttpStatus.ACCEPTED);
            awaitRecorded((String) e[0], envelope.get("eventId").toString());
            posted.computeIfAbsent((String) e[1], b -> new java.util.ArrayList<>()).add(envelope.get("eventId").toString());
        }
        posted.forEach(this::awaitTimeline);
    }

    @Test
    void the_assigned_regisseur_sees_income_and_debts_in_full_and_mental_health_as_presence() {
        JsonNode entries = get("dev-regisseur-1", "/api/v1/clients/" + MOTHER + "/timeline").getBody().path("entries");

        assertThat(entries).extracting(e -> e.path("partner").asText() + ":" + e.path("visibility").asText())
                .containsExactly("werk-inkomen:full", "werk-inkomen:full", "schuldhulp:full", "ggz:presence", "regie:full");
        JsonNode ggz = entries.get(3);
        assertThat(ggz.has("type")).isFalse();
        assertThat(ggz.path("domain").asText()).isEqualTo("psychische-gezondheid");
        assertThat(entries.get(2).path("payload").path("bedrag").asInt()).isEqualTo(640);
    }

    @Test
    void the_summary_names_the_regisseur_and_two_clusters() {
        JsonNode summary = get("dev-regisseur-1", "/api/v1/clients/" + MOTHER).getBody();

        assertThat(summary.path("regisseur").asText()).isEqualTo("regisseur-1");
        assertThat(summary.path("activeClusters")).extracting(JsonNode::asText)
                .containsExactly("economisch", "psychosociaal-gezondheid");
    }

    @Test
    void another_regisseur_sees_only_presence_while_her_meervoudige_problematiek_signal_for_regie_is_open() {
        // privacy.md: a regisseur not assigned, with an open signal routed to regie for the client, sees presence
        JsonNode entries = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("dev-regisseur-2", "/api/v1/clients/" + MOTHER + "/timeline"),
                        r -> r.getStatusCode() == HttpStatus.OK).getBody().path("entries");

        assertThat(entries).hasSize(5).extracting(e -> e.path("visibility").asText()).containsOnly("presence");
    }

    @Test
    void ggz_sees_its_own_event_in_full_and_the_others_as_presence() {
        JsonNode entries = get("dev-ggz", "/api/v1/clients/" + MOTHER + "/timeline").getBody().path("entries");

        assertThat(entries).extracting(e -> e.path("partner").asText() + ":" + e.path("visibility").asText())
                .containsExactly("werk-inkomen:presence", "werk-inkomen:presence", "schuldhulp:presence", "ggz:full", "regie:presence");
    }

    @Test
    void jeugd_sees_the_sons_events_in_full_and_cannot_open_the_mothers_dossier() {
        JsonNode son = get("dev-jeugd", "/api/v1/clients/" + SON + "/timeline").getBody().path("entries");
        assertThat(son).singleElement().satisfies(e -> {
            assertThat(e.path("visibility").asText()).isEqualTo("full");
            assertThat(e.path("payload").path("bron").asText()).isEqualTo("school");
        });

        assertThat(get("dev-jeugd", "/api/v1/clients/" + MOTHER + "/timeline").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
