package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consent (scenarios.md, Myriam): after regie.toestemming-verleend for psychische-gezondheid to the regisseur, the
 * assigned regisseur sees the GGZ facts in full; after regie.toestemming-ingetrokken, presence again. An expired
 * consent counts for nothing; a consent to a partner lifts that partner's view.
 */
class ConsentTest extends PlatformTest {

    @Test
    void a_consent_to_the_regisseur_shows_the_ggz_facts_in_full_until_it_is_revoked_or_expired() {
        String bsn = uniqueBsn();
        String since = OffsetDateTime.now(CLOCK).minusDays(10).withNano(0).toString();
        recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn, since, Map.of("regeling", "bijstand")), bsn);
        String ggz = recorded("dev-ggz", envelope("ggz.aanmelding-ontvangen", bsn, since, Map.of()), bsn);
        recorded("dev-regisseur-1", envelope("regie.regisseur-toegewezen", bsn, since, Map.of("regisseurId", "regisseur-1", "organisatie", "regie")), bsn);
        assertThat(ggzAsSeenBy("dev-regisseur-1", bsn, ggz)).isEqualTo("presence");

        recorded("dev-regisseur-1", consent(bsn, "t-1", "regisseur", LocalDate.now(CLOCK).plusYears(1)), bsn);
        assertThat(ggzAsSeenBy("dev-regisseur-1", bsn, ggz)).isEqualTo("full");
        assertThat(ggzAsSeenBy("dev-werk-inkomen", bsn, ggz)).isEqualTo("presence");
        JsonNode summary = get("dev-regisseur-1", "/api/v1/clients/" + bsn).getBody();
        assertThat(summary.path("activeConsents")).singleElement().satisfies(c -> {
            assertThat(c.path("ontvanger").asText()).isEqualTo("regisseur");
            assertThat(c.path("leefgebieden")).extracting(JsonNode::asText).containsExactly("psychische-gezondheid");
        });

        recorded("dev-regisseur-1", envelope("regie.toestemming-ingetrokken", bsn, now(), Map.of("toestemmingId", "t-1")), bsn);
        assertThat(ggzAsSeenBy("dev-regisseur-1", bsn, ggz)).isEqualTo("presence");

        recorded("dev-regisseur-1", consent(bsn, "t-2", "regisseur", LocalDate.now(CLOCK).minusDays(1)), bsn);
        assertThat(ggzAsSeenBy("dev-regisseur-1", bsn, ggz)).isEqualTo("presence");
        assertThat(get("dev-regisseur-1", "/api/v1/clients/" + bsn).getBody().path("activeConsents")).isEmpty();
    }

    @Test
    void a_handover_moves_the_regisseurs_view_and_closing_regie_ends_it() {
        String bsn = uniqueBsn();
        String since = OffsetDateTime.now(CLOCK).minusDays(10).withNano(0).toString();
        recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn, since, Map.of("regeling", "bijstand")), bsn);
        recorded("dev-regisseur-1", envelope("regie.regisseur-toegewezen", bsn, since, Map.of("regisseurId", "regisseur-1", "organisatie", "regie")), bsn);
        assertThat(get("dev-regisseur-1", "/api/v1/clients/" + bsn + "/timeline").getStatusCode().value()).isEqualTo(200);
        assertThat(get("dev-regisseur-2", "/api/v1/clients/" + bsn + "/timeline").getStatusCode().value()).isEqualTo(403);

        recorded("dev-regisseur-1", envelope("regie.regisseur-overgedragen", bsn, now(), Map.of("vanRegisseurId", "regisseur-1",
                "naarRegisseurId", "regisseur-2", "warmeOverdracht", true)), bsn);
        assertThat(get("dev-regisseur-2", "/api/v1/clients/" + bsn + "/timeline").getStatusCode().value()).isEqualTo(200);
        assertThat(get("dev-regisseur-1", "/api/v1/clients/" + bsn + "/timeline").getStatusCode().value()).isEqualTo(403);

        recorded("dev-regisseur-2", envelope("regie.regie-afgesloten", bsn, now(), Map.of("reden", "doelen bereikt")), bsn);
        assertThat(get("dev-regisseur-2", "/api/v1/clients/" + bsn + "/timeline").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void a_consent_to_a_partner_lifts_that_partners_view_of_the_domain() {
        String bsn = uniqueBsn();
        String since = OffsetDateTime.now(CLOCK).minusDays(10).withNano(0).toString();
        recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn, since, Map.of("regeling", "bijstand")), bsn);
        String ggz = recorded("dev-ggz", envelope("ggz.aanmelding-ontvangen", bsn, since, Map.of()), bsn);
        assertThat(ggzAsSeenBy("dev-werk-inkomen", bsn, ggz)).isEqualTo("presence");

        recorded("dev-regisseur-1", consent(bsn, "t-3", "werk-inkomen", LocalDate.now(CLOCK).plusMonths(6)), bsn);

        assertThat(ggzAsSeenBy("dev-werk-inkomen", bsn, ggz)).isEqualTo("full");
    }

    Map<String, Object> consent(String bsn, String id, String recipient, LocalDate validUntil) {
        return envelope("regie.toestemming-verleend", bsn, now(), Map.of("toestemmingId", id,
                "leefgebieden", List.of("psychische-gezondheid"), "ontvanger", recipient, "doel", "hulpverlening",
                "geldigTot", validUntil.toString()));
    }

    static String now() {
        return OffsetDateTime.now(CLOCK).minusMinutes(1).withNano(0).toString();
    }


    String ggzAsSeenBy(String token, String bsn, String eventId) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (JsonNode entry : get(token, "/api/v1/clients/" + bsn + "/timeline").getBody().path("entries")) {
                if (entry.path("eventId").asText().equals(eventId)) {
                    return entry.path("visibility").asText();
                }
            }
            return null;
        }, v -> v != null);
    }
}
