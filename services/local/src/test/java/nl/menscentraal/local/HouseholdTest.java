package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/households/{bsn}} on a Myriam-like household (scenarios.md): werk-inkomen states that a mother
 * and her son live together; jeugd and ggz help the son. Whoever reads the household sees every member as presence
 * only: partner, domain, since and until.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HouseholdTest extends PlatformTest {

    String mother;
    String son;

    @BeforeAll
    void werk_inkomen_states_the_household_and_jeugd_and_ggz_help_the_son() {
        mother = uniqueBsn();
        son = uniqueBsn();
        recorded("dev-werk-inkomen", mother, "werk-inkomen.uitkering-aangevraagd", "2015-09-01T09:00:00+02:00", Map.of("regeling", "bijstand"));
        recorded("dev-werk-inkomen", mother, "werk-inkomen.huishouden-vastgesteld", "2015-09-01T09:30:00+02:00", Map.of("leden", List.of(mother, son)));
        recorded("dev-ggz", son, "ggz.aanmelding-ontvangen", "2015-10-05T09:00:00+02:00", Map.of());
        recorded("dev-jeugd", son, "jeugd.zorgmelding-ontvangen", "2015-10-12T09:00:00+02:00", Map.of("bron", "school"));
    }

    @Test
    void the_mothers_partner_sees_the_son_with_partner_domain_and_since_only() {
        ResponseEntity<JsonNode> response = get("dev-werk-inkomen", "/api/v1/households/" + mother);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode household = response.getBody();
        assertThat(household.path("bsn").asText()).isEqualTo(mother);
        assertThat(household.path("establishedAt").asText()).isEqualTo("2015-09-01T09:30:00+02:00");
        assertThat(household.path("members")).extracting(m -> m.path("bsn").asText()).containsExactly(mother, son);
        assertThat(household.path("members").get(0).path("involvements")).singleElement().satisfies(i -> {
            assertThat(i.path("partner").asText()).isEqualTo("werk-inkomen");
            assertThat(i.path("domain").asText()).isEqualTo("inkomen");
        });
        JsonNode sonsHelpers = household.path("members").get(1).path("involvements");
        assertThat(sonsHelpers).extracting(i -> i.path("partner").asText() + ":" + i.path("domain").asText() + ":" + i.path("since").asText())
                .containsExactlyInAnyOrder("ggz:psychische-gezondheid:2015-10-05T09:00:00+02:00",
                        "jeugd:gezin-opvoeding:2015-10-12T09:00:00+02:00");
        sonsHelpers.forEach(i -> assertThat(i.fieldNames()).toIterable().containsOnly("partner", "domain", "since"));
        assertThat(household.toString()).doesNotContain("aanmelding", "zorgmelding", "school", "Hulpverlener", "professional", "payload", "\"type\"");
    }

    @Test
    void every_member_shown_is_in_the_access_log_the_client_under_its_view_and_the_others_as_household() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        assertThat(get("dev-werk-inkomen", "/api/v1/households/" + mother,
                Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(accessLog(mother)).anySatisfy(e -> {
            assertThat(e.path("traceId").asText()).isEqualTo(traceId);
            assertThat(e.path("view").asText()).isEqualTo("household/partner");
            assertThat(e.path("outcome").asText()).isEqualTo("granted");
        });
        assertThat(accessLog(son)).anySatisfy(e -> {
            assertThat(e.path("traceId").asText()).isEqualTo(traceId);
            assertThat(e.path("principal").asText()).isEqualTo("svc-werk-inkomen");
            assertThat(e.path("view").asText()).isEqualTo("household");
            assertThat(e.path("purpose").asText()).isEqualTo("hulpverlening");
        });
    }

    @Test
    void the_sons_helpers_find_the_same_household_through_him_and_see_the_mother_as_presence() {
        JsonNode household = get("dev-ggz", "/api/v1/households/" + son).getBody();

        assertThat(household.path("members")).extracting(m -> m.path("bsn").asText()).containsExactly(son, mother);
        assertThat(household.path("members").get(1).path("involvements")).extracting(i -> i.path("partner").asText())
                .containsExactly("werk-inkomen");
    }

    @Test
    void outsiders_get_403_known_or_not_an_invalid_bsn_400_and_an_auditor_404_for_an_unknown_bsn() {
        assertThat(get("dev-ggz", "/api/v1/households/" + mother).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("dev-wmo", "/api/v1/households/" + uniqueBsn()).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("dev-operator", "/api/v1/households/" + mother).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("dev-werk-inkomen", "/api/v1/households/123456789").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(get("dev-auditor", "/api/v1/households/" + uniqueBsn(), Map.of("X-Purpose", "toezicht")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("dev-auditor", "/api/v1/households/" + mother).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void an_auditor_sees_the_members_as_presence_too() {
        JsonNode household = get("dev-auditor", "/api/v1/households/" + mother, Map.of("X-Purpose", "toezicht")).getBody();

        assertThat(household.path("members")).hasSize(2);
        assertThat(household.toString()).doesNotContain("school", "regeling", "payload");
    }

    @Test
    void the_household_signal_lets_an_unassigned_regisseur_see_the_mother_as_presence() {
        // gezin-opvoeding active for the son and inkomen for the mother: GZ-01, a household signal routed to regie
        JsonNode timeline = await().atMost(Duration.ofSeconds(30))
                .until(() -> get("dev-regisseur-2", "/api/v1/clients/" + mother + "/timeline"),
                        r -> r.getStatusCode() == HttpStatus.OK).getBody();

        assertThat(timeline.path("entries")).hasSize(2).allSatisfy(e -> assertThat(e.path("visibility").asText()).isEqualTo("presence"));
        assertThat(get("dev-regisseur-2", "/api/v1/clients/" + mother).getBody().path("openSignals"))
                .extracting(s -> s.path("ruleId").asText()).contains("GZ-01");
    }

    @Test
    void a_client_without_a_stated_household_is_its_only_member() {
        String single = uniqueBsn();
        recorded("dev-wmo", single, "wmo.melding-ontvangen", "2016-01-04T10:00:00+01:00", Map.of());

        JsonNode household = get("dev-wmo", "/api/v1/households/" + single).getBody();

        assertThat(household.has("establishedAt")).isFalse();
        assertThat(household.path("members")).singleElement().satisfies(m -> {
            assertThat(m.path("bsn").asText()).isEqualTo(single);
            assertThat(m.path("involvements").get(0).path("partner").asText()).isEqualTo("wmo");
            assertThat(m.path("involvements").get(0).path("domain").asText()).isEqualTo("dagelijks-functioneren");
        });
    }

    void recorded(String token, String bsn, String type, String occurredAt, Map<String, Object> payload) {
        Map<String, Object> envelope = new HashMap<>(envelope(type, bsn, occurredAt, payload));
        envelope.put("professional", Map.of("id", "p-" + type.length(), "displayName", "Naam Hulpverlener", "contact", "x@partner.example"));
        assertThat(post(token, "/api/v1/events", envelope).getStatusCode()).as(type).isEqualTo(HttpStatus.ACCEPTED);
        awaitRecorded(token, envelope.get("eventId").toString());
        awaitTimeline(bsn, List.of(envelope.get("eventId").toString()));
    }

    List<JsonNode> accessLog(String bsn) {
        List<JsonNode> entries = new ArrayList<>();
        get("dev-auditor", "/api/v1/audit/access-log?bsn=" + bsn, Map.of("X-Purpose", "toezicht")).getBody()
                .path("entries").forEach(entries::add);
        return entries;
    }
}
