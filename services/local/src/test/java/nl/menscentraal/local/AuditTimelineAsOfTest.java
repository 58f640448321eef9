package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An auditor rebuilds a client's timeline as one principal could see it at an earlier instant, from the event store:
 * the facts recorded by then, through the assignment and consents as they were then. Instants are taken between
 * two recordings on the platform's clock, which runs unmoved in this test, so each lies after everything recorded
 * before it and before everything recorded after it.
 */
class AuditTimelineAsOfTest extends PlatformTest {

    static final Map<String, String> TOEZICHT = Map.of("X-Purpose", "toezicht");

    @Test
    void an_auditor_sees_what_each_principal_could_see_before_and_after_assignment_consent_and_handover() {
        String bsn = uniqueBsn();
        OffsetDateTime tenDaysAgo = OffsetDateTime.now(CLOCK).minusDays(10).withNano(0);
        String uitkering = recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn,
                tenDaysAgo.toString(), Map.of("regeling", "bijstand")), bsn);
        // a crisis admission involves GGZ in no trajectory: one partner involved raises no signal routed to regie, which
        // would open a presence view to every regisseur (RegieSignalViewTest)
        String ggz = recorded("dev-ggz", envelope("ggz.crisis-opname", bsn, tenDaysAgo.plusHours(1).toString(), Map.of()), bsn);
        // the platform learns a principal's role and organisation from its reads, refused ones included
        assertThat(get("dev-werk-inkomen", "/api/v1/clients/" + bsn + "/timeline").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("dev-regisseur-1", "/api/v1/clients/" + bsn).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("dev-regisseur-2", "/api/v1/clients/" + bsn).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("dev-operator", "/api/v1/clients/" + bsn).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        Instant beforeRegie = CLOCK.instant();

        // recorded after beforeRegie about a day before it: absent from the timeline as of beforeRegie
        String late = recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-afgewezen", bsn,
                tenDaysAgo.plusDays(1).toString(), Map.of("reden", "geen-adres")), bsn);
        recorded("dev-regisseur-1", envelope("regie.regisseur-toegewezen", bsn, tenDaysAgo.plusDays(2).toString(),
                Map.of("regisseurId", "regisseur-1", "organisatie", "regie")), bsn);
        recorded("dev-regisseur-1", envelope("regie.toestemming-verleend", bsn, tenDaysAgo.plusDays(3).toString(),
                Map.of("toestemmingId", "t-1", "leefgebieden", List.of("psychische-gezondheid"), "ontvanger", "regisseur",
                        "doel", "hulpverlening", "geldigTot", LocalDate.now(CLOCK).plusYears(1).toString())), bsn);
        Instant consented = CLOCK.instant();

        recorded("dev-regisseur-1", envelope("regie.regisseur-overgedragen", bsn, tenDaysAgo.plusDays(4).toString(),
                Map.of("vanRegisseurId", "regisseur-1", "naarRegisseurId", "regisseur-2", "warmeOverdracht", true)), bsn);
        Instant now = CLOCK.instant();

        JsonNode unassigned = asOf(bsn, beforeRegie, "regisseur-1");
        assertThat(unassigned.path("visibility").asText()).isEqualTo("none");
        assertThat(unassigned.path("entries")).isEmpty();
        assertThat(unassigned.path("reason").asText()).isNotBlank();
        assertThat(unassigned.path("viewer").path("role").asText()).isEqualTo("regisseur");
        assertThat(Instant.parse(unassigned.path("asOf").asText())).isEqualTo(beforeRegie);

        JsonNode partnerThen = asOf(bsn, beforeRegie, "svc-werk-inkomen");
        assertThat(partnerThen.path("visibility").asText()).isEqualTo("partner");
        assertThat(partnerThen.path("viewer").path("organisation").asText()).isEqualTo("werk-inkomen");
        assertThat(visibilities(partnerThen)).containsExactly(uitkering + "=full", ggz + "=presence");

        JsonNode withConsent = asOf(bsn, consented, "regisseur-1");
        assertThat(withConsent.path("visibility").asText()).isEqualTo("regisseur");
        assertThat(visibilities(withConsent)).contains(uitkering + "=full", late + "=full", ggz + "=full");
        assertThat(entry(withConsent, ggz).path("type").asText()).isEqualTo("ggz.crisis-opname");

        assertThat(asOf(bsn, now, "regisseur-1").path("visibility").asText()).isEqualTo("none");
        assertThat(asOf(bsn, now, "operator-1").path("reason").asText()).contains("Operators");

        // The consent names "regisseur", not regisseur-1: ViewPolicy reads it as the assigned regisseur, whoever that
        // is, so it passed to regisseur-2 with the handover and regisseur-2 sees the GGZ fact in full, as it does today.
        JsonNode handedOver = asOf(bsn, now, "regisseur-2");
        assertThat(handedOver.path("visibility").asText()).isEqualTo("regisseur");
        assertThat(visibilities(handedOver)).contains(ggz + "=full");
        JsonNode live = await().atMost(Duration.ofSeconds(10)).until(
                () -> get("dev-regisseur-2", "/api/v1/clients/" + bsn + "/timeline").getBody(),
                body -> body.path("entries").size() == handedOver.path("entries").size());
        assertThat(handedOver.path("entries")).as("the rebuild of now is the live timeline").isEqualTo(live.path("entries"));
    }

    @Test
    void every_request_is_logged_once_and_every_bad_field_named() {
        String bsn = uniqueBsn();
        recorded("dev-wmo", envelope("wmo.opvang-toegelaten", bsn,
                OffsetDateTime.now(CLOCK).minusDays(1).withNano(0).toString(), Map.of("soort", "nachtopvang")), bsn);
        assertThat(get("dev-wmo", "/api/v1/clients/" + bsn).getStatusCode()).isEqualTo(HttpStatus.OK);
        String path = "/api/v1/audit/clients/" + bsn + "/timeline";

        assertThat(fields(get("dev-auditor", path, TOEZICHT), HttpStatus.BAD_REQUEST)).containsExactlyInAnyOrder("asOf", "viewer");
        assertThat(fields(get("dev-auditor", "/api/v1/audit/clients/123/timeline?asOf=yesterday&viewer=svc-wmo", TOEZICHT),
                HttpStatus.BAD_REQUEST)).containsExactlyInAnyOrder("bsn", "asOf");
        assertThat(fields(get("dev-auditor", path + "?asOf=" + CLOCK.instant().plus(Duration.ofDays(1)) + "&viewer=svc-wmo",
                TOEZICHT), HttpStatus.BAD_REQUEST)).containsExactly("asOf");
        assertThat(fields(get("dev-auditor", path + "?asOf=" + CLOCK.instant() + "&viewer=never-seen-" + UUID.randomUUID(),
                TOEZICHT), HttpStatus.UNPROCESSABLE_ENTITY)).containsExactly("viewer");
        assertThat(fields(get("dev-auditor", path + "?asOf=" + CLOCK.instant() + "&viewer=svc-wmo"), HttpStatus.BAD_REQUEST))
                .containsExactly("X-Purpose");
        assertThat(get("dev-regisseur-1", path + "?asOf=" + CLOCK.instant() + "&viewer=svc-wmo").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(get("dev-auditor", "/api/v1/audit/clients/" + uniqueBsn() + "/timeline?asOf=" + CLOCK.instant()
                + "&viewer=auditor-1", TOEZICHT).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        List<JsonNode> before = asOfEntriesInTheLog(bsn);
        asOf(bsn, CLOCK.instant(), "svc-wmo");
        List<JsonNode> after = asOfEntriesInTheLog(bsn);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(after.get(0).path("outcome").asText()).isEqualTo("granted");
        assertThat(after.get(0).path("purpose").asText()).isEqualTo("toezicht");
        // the refusals that named this client: no viewer and no asOf, asOf in the future, an unknown viewer
        assertThat(before).extracting(e -> e.path("outcome").asText()).containsExactly("denied", "denied", "denied");
    }

    JsonNode asOf(String bsn, Instant asOf, String viewer) {
        ResponseEntity<JsonNode> response = get("dev-auditor",
                "/api/v1/audit/clients/" + bsn + "/timeline?asOf=" + asOf + "&viewer=" + viewer, TOEZICHT);
        assertThat(response.getStatusCode()).as(viewer + " as of " + asOf).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    /** This client's entries of the as-of timeline in the access log, newest first. */
    List<JsonNode> asOfEntriesInTheLog(String bsn) {
        List<JsonNode> entries = new ArrayList<>();
        get("dev-auditor", "/api/v1/audit/access-log?bsn=" + bsn + "&principal=auditor-1", TOEZICHT).getBody()
                .path("entries").forEach(e -> {
                    if (e.path("view").asText().equals("audit/timeline-as-of")) {
                        entries.add(e);
                    }
                });
        return entries;
    }

    static List<String> fields(ResponseEntity<JsonNode> response, HttpStatus status) {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    static List<String> visibilities(JsonNode timeline) {
        List<String> seen = new ArrayList<>();
        timeline.path("entries").forEach(e -> seen.add(e.path("eventId").asText() + "=" + e.path("visibility").asText()));
        return seen;
    }

    static JsonNode entry(JsonNode timeline, String eventId) {
        for (JsonNode e : timeline.path("entries")) {
            if (e.path("eventId").asText().equals(eventId)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + eventId);
    }

}
