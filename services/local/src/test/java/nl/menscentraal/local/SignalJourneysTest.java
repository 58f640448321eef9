package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journeys of scenarios.md, posted through the REST API with their historical dates the day after their last
 * fact, raise exactly the signals listed there once the late-arrival grace has passed: no more, no fewer. Each
 * journey runs for a BSN of its own, so the tests keep out of each other's (and the timeline tests') way.
 */
class SignalJourneysTest extends PlatformTest {

    private static final Duration AFTER_GRACE = Duration.ofMinutes(11);

    @AfterEach
    void clock_back_to_now() {
        CLOCK.reset();
    }

    @Nested
    class Kenny {

        @Test
        void his_history_raises_ketenmatch_twice_inkomensgat_geen_regisseur_schuldhulp_wacht_and_meervoudige_problematiek() {
            String kenny = uniqueBsn();
            CLOCK.setTo(Instant.parse("2017-02-02T09:00:00Z"));
            List<String[]> posted = new ArrayList<>();
            posted.add(post("dev-wmo", "wmo.opvang-toegelaten", kenny, "2016-03-01T10:00:00+01:00", Map.of("soort", "nachtopvang")));
            posted.add(post("dev-werk-inkomen", "werk-inkomen.uitkering-aangevraagd", kenny, "2016-03-02T10:00:00+01:00", Map.of("regeling", "daklozenuitkering")));
            posted.add(post("dev-werk-inkomen", "werk-inkomen.uitkering-afgewezen", kenny, "2016-03-20T10:00:00+01:00", Map.of("reden", "geen-adres")));
            posted.add(post("dev-wmo", "wmo.briefadres-verstrekt", kenny, "2016-04-25T10:00:00+02:00", Map.of()));
            posted.add(post("dev-werk-inkomen", "werk-inkomen.uitkering-toegekend", kenny, "2016-05-02T10:00:00+02:00", Map.of("regeling", "daklozenuitkering")));
            posted.add(post("dev-wmo", "wmo.begeleid-wonen-gestart", kenny, "2016-07-01T10:00:00+02:00", Map.of("einddatum", "2017-01-01")));
            posted.add(post("dev-schuldhulp", "schuldhulp.aanmelding-ontvangen", kenny, "2016-10-03T10:00:00+02:00", Map.of()));
            posted.add(post("dev-wmo", "wmo.maatwerkvoorziening-toegekend", kenny, "2017-02-01T10:00:00+01:00", Map.of("voorziening", "dagbesteding")));
            posted.forEach(p -> awaitRecorded(p[0], p[1]));

            // what holds at once; the deadlines wait for late arrivals
            awaitSignals(kenny, List.of("KM-01", "KM-01", "MP-01"));
            CLOCK.advance(AFTER_GRACE);

            awaitSignals(kenny, List.of("KM-01", "KM-01", "MP-01", "IN-01", "RG-01", "SH-01"));
            JsonNode inkomensgat = signalsOf(kenny).stream().filter(s -> s.path("ruleId").asText().equals("IN-01")).findFirst().orElseThrow();
            assertThat(inkomensgat.path("explanation").asText()).isEqualTo(
                    "uitkering-afgewezen op 2016-03-20 (werk-inkomen); geen uitkering toegekend of werk aanvaard binnen 30 dagen.");
            assertThat(inkomensgat.path("routedTo")).extracting(JsonNode::asText).containsExactly("regie", "werk-inkomen");
            assertThat(inkomensgat.path("subject").path("bsn").asText()).isEqualTo(kenny);
            assertThat(inkomensgat.path("status").asText()).isEqualTo("open");
            assertThat(inkomensgat.path("basedOn")).extracting(JsonNode::asText).containsExactly(posted.get(2)[1]);
        }
    }

    @Nested
    class Myriam {

        @Test
        void her_household_raises_ketenmatch_twice_meervoudige_problematiek_gezin_onder_druk_geen_regisseur_and_participatie() {
            String mother = uniqueBsn();
            String son = uniqueBsn();
            CLOCK.setTo(Instant.parse("2016-05-11T09:00:00Z"));
            List<String[]> posted = new ArrayList<>();
            posted.add(post("dev-werk-inkomen", "werk-inkomen.uitkering-aangevraagd", mother, "2015-09-01T10:00:00+02:00", Map.of("regeling", "bijstand")));
            posted.add(post("dev-werk-inkomen", "werk-inkomen.huishouden-vastgesteld", mother, "2015-09-01T10:05:00+02:00", Map.of("leden", List.of(mother, son))));
            posted.add(post("dev-schuldhulp", "schuldhulp.betalingsachterstand-gesignaleerd", mother, "2015-10-01T10:00:00+02:00", Map.of("schuldeiser", "energie", "bedrag", 640)));
            posted.add(post("dev-ggz", "ggz.aanmelding-ontvangen", mother, "2015-10-05T10:00:00+02:00", Map.of()));
            posted.add(post("dev-jeugd", "jeugd.zorgmelding-ontvangen", son, "2015-10-12T10:00:00+02:00", Map.of("bron", "school")));
            posted.add(post("dev-regisseur-1", "regie.regisseur-toegewezen", mother, "2015-11-02T10:00:00+01:00", Map.of("regisseurId", "regisseur-1", "organisatie", "regie")));
            posted.add(post("dev-werk-inkomen", "werk-inkomen.werk-aanvaard", mother, "2016-05-10T10:00:00+02:00", Map.of("urenPerWeek", 21)));
            posted.forEach(p -> awaitRecorded(p[0], p[1]));
            CLOCK.advance(AFTER_GRACE);

            awaitSignals(mother, List.of("KM-01", "KM-01", "MP-01", "GZ-01", "RG-01", "PA-01"));
            awaitSignals(son, List.of("GZ-01"));
            JsonNode household = signalsOf(son).get(0);
            assertThat(household.path("subject").path("household")).extracting(JsonNode::asText)
                    .containsExactlyInAnyOrder(mother, son);
            assertThat(household.path("routedTo")).extracting(JsonNode::asText).containsExactly("regie");
        }
    }

    /** Posts one envelope and returns {token, eventId}. */
    String[] post(String token, String type, String bsn, String occurredAt, Map<String, Object> payload) {
        Map<String, Object> envelope = envelope(type, bsn, occurredAt, payload);
        ResponseEntity<JsonNode> response = post(token, "/api/v1/events", envelope);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return new String[]{token, envelope.get("eventId").toString()};
    }

    /** Every signal about the client (alone or in its household), as an auditor lists them. */
    List<JsonNode> signalsOf(String bsn) {
        ResponseEntity<JsonNode> response = get("dev-auditor", "/api/v1/signals?bsn=" + bsn, Map.of("X-Purpose", "toezicht"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> signals = new ArrayList<>();
        response.getBody().path("signals").forEach(signals::add);
        return signals;
    }

    /** Waits until exactly these rules' signals exist for the client, and checks nothing else follows. */
    void awaitSignals(String bsn, List<String> ruleIds) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(signalsOf(bsn))
                .extracting(s -> s.path("ruleId").asText()).containsExactlyInAnyOrderElementsOf(ruleIds));
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(signalsOf(bsn))
                .extracting(s -> s.path("ruleId").asText()).containsExactlyInAnyOrderElementsOf(ruleIds));
    }
}
