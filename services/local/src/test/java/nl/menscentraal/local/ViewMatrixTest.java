package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/**
 * privacy.md's view matrix, cell by cell, through the REST API: every role against a fact of every sensitivity
 * class the catalogue has (basis, financieel, bijzonder, jeugd; no type is {@code justitieel} yet, which
 * ViewPolicyTest covers), in every consent state — none, to the regisseur (valid, expired, revoked) and to a
 * partner. The expected visibility is privacy.md's table restated as {@link #expected}; every mismatch is reported.
 */
class ViewMatrixTest extends PlatformTest {

    /** The fact each partner records, with its sensitivity and domain. */
    private record Fact(String token, String partner, String type, String sensitivity, String domain, Map<String, Object> payload) {
    }

    private static final List<Fact> FACTS = List.of(
            new Fact("dev-wmo", "wmo", "wmo.opvang-toegelaten", "basis", "huisvesting", Map.of("soort", "nachtopvang")),
            new Fact("dev-werk-inkomen", "werk-inkomen", "werk-inkomen.uitkering-aangevraagd", "financieel", "inkomen", Map.of("regeling", "bijstand")),
            new Fact("dev-ggz", "ggz", "ggz.aanmelding-ontvangen", "bijzonder", "psychische-gezondheid", Map.of()),
            new Fact("dev-jeugd", "jeugd", "jeugd.zorgmelding-ontvangen", "jeugd", "gezin-opvoeding", Map.of("bron", "school")));

    /** The consent states; the consent, when there is one, covers both special-category domains. */
    enum ConsentState { NONE, TO_REGISSEUR, TO_REGISSEUR_EXPIRED, TO_REGISSEUR_REVOKED, TO_WERK_INKOMEN }

    /** Who reads: token, role and, for partners, the organisation. */
    private record Viewer(String token, String role, String partner) {
    }

    private static final List<Viewer> VIEWERS = List.of(
            new Viewer("dev-wmo", "partner", "wmo"),
            new Viewer("dev-werk-inkomen", "partner", "werk-inkomen"),
            new Viewer("dev-ggz", "partner", "ggz"),
            new Viewer("dev-jeugd", "partner", "jeugd"),
            new Viewer("dev-schuldhulp", "outsider-partner", "schuldhulp"),
            new Viewer("dev-regisseur-1", "assigned-regisseur", null),
            new Viewer("dev-regisseur-2", "unassigned-regisseur", null),
            new Viewer("dev-auditor", "auditor", null),
            new Viewer("dev-operator", "operator", null));

    @Test
    void every_role_sees_every_sensitivity_in_every_consent_state_as_privacy_md_says() {
        SoftAssertions softly = new SoftAssertions();
        for (ConsentState state : ConsentState.values()) {
            String bsn = uniqueBsn();
            Map<String, Fact> facts = recordClient(bsn, state);
            for (Viewer viewer : VIEWERS) {
                Map<String, String> headers = viewer.role().equals("auditor") ? Map.of("X-Purpose", "klacht") : Map.of();
                ResponseEntity<JsonNode> timeline = get(viewer.token(), "/api/v1/clients/" + bsn + "/timeline", headers);
                ResponseEntity<JsonNode> summary = get(viewer.token(), "/api/v1/clients/" + bsn, headers);
                Optional<HttpStatus> refusal = refusal(viewer);
                if (refusal.isPresent()) {
                    softly.assertThat(timeline.getStatusCode()).as("%s, %s: timeline", viewer.token(), state).isEqualTo(refusal.get());
                    softly.assertThat(summary.getStatusCode()).as("%s, %s: summary", viewer.token(), state).isEqualTo(refusal.get());
                    continue;
                }
                softly.assertThat(summary.getStatusCode()).as("%s, %s: summary", viewer.token(), state).isEqualTo(HttpStatus.OK);
                softly.assertThat(timeline.getStatusCode()).as("%s, %s: timeline", viewer.token(), state).isEqualTo(HttpStatus.OK);
                if (!timeline.getStatusCode().is2xxSuccessful()) {
                    continue;
                }
                Map<String, JsonNode> seen = new HashMap<>();
                timeline.getBody().path("entries").forEach(e -> seen.put(e.path("eventId").asText(), e));
                facts.forEach((eventId, fact) -> {
                    String visibility = expected(viewer, fact, state);
                    JsonNode entry = seen.get(eventId);
                    softly.assertThat(entry).as("%s, %s: the %s fact is listed", viewer.token(), state, fact.sensitivity()).isNotNull();
                    if (entry == null) {
                        return;
                    }
                    softly.assertThat(entry.path("visibility").asText())
                            .as("%s sees %s's %s fact (%s)", viewer.token(), fact.partner(), fact.sensitivity(), state)
                            .isEqualTo(visibility);
                    if (visibility.equals("presence")) {
                        softly.assertThat(entry.has("type") || entry.has("payload") || entry.has("professional"))
                                .as("%s, %s: a presence entry carries no detail: %s", viewer.token(), state, entry).isFalse();
                    }
                });
            }
        }
        softly.assertAll();
    }

    @Test
    void an_unknown_bsn_is_403_to_partners_and_regisseurs_and_404_to_auditors() {
        String unknown = uniqueBsn();
        SoftAssertions softly = new SoftAssertions();
        for (String token : List.of("dev-wmo", "dev-ggz", "dev-regisseur-1")) {
            softly.assertThat(get(token, "/api/v1/clients/" + unknown + "/timeline").getStatusCode()).as(token).isEqualTo(HttpStatus.FORBIDDEN);
        }
        softly.assertThat(get("dev-auditor", "/api/v1/clients/" + unknown + "/timeline", Map.of("X-Purpose", "klacht"))
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        softly.assertAll();
    }

    /** privacy.md, "Views: what a principal sees of one event". */
    private static String expected(Viewer viewer, Fact fact, ConsentState state) {
        boolean special = fact.sensitivity().equals("bijzonder") || fact.sensitivity().equals("jeugd");
        return switch (viewer.role()) {
            case "partner" -> viewer.partner().equals(fact.partner())
                    || (state == ConsentState.TO_WERK_INKOMEN && viewer.partner().equals("werk-inkomen") && special)
                    ? "full" : "presence";
            case "assigned-regisseur" -> !special || state == ConsentState.TO_REGISSEUR ? "full" : "presence";
            case "unassigned-regisseur" -> "presence";
            case "auditor" -> "full";
            default -> throw new IllegalStateException(viewer.role() + " is refused");
        };
    }

    private static Optional<HttpStatus> refusal(Viewer viewer) {
        return switch (viewer.role()) {
            case "outsider-partner", "operator" -> Optional.of(HttpStatus.FORBIDDEN);
            default -> Optional.empty();
        };
    }

    /**
     * One client with a fact of each partner, regisseur-1 assigned, the consent state, and an open signal routed to
     * regie (multiproblematiek over four clusters), which gives the unassigned regisseur its presence view.
     */
    private Map<String, Fact> recordClient(String bsn, ConsentState state) {
        String since = OffsetDateTime.now(CLOCK).minusDays(20).withNano(0).toString();
        Map<String, Fact> byEventId = new LinkedHashMap<>();
        for (Fact fact : FACTS) {
            byEventId.put(post(fact.token(), envelope(fact.type(), bsn, since, fact.payload())), fact);
        }
        List<String> all = new java.util.ArrayList<>(byEventId.keySet());
        all.add(post("dev-regisseur-1", envelope("regie.regisseur-toegewezen", bsn, since,
                Map.of("regisseurId", "regisseur-1", "organisatie", "regie"))));
        LocalDate today = LocalDate.now(CLOCK);
        switch (state) {
            case NONE -> { }
            case TO_REGISSEUR -> all.add(post("dev-regisseur-1", consent(bsn, "c-1", "regisseur", today.plusMonths(6))));
            case TO_REGISSEUR_EXPIRED -> all.add(post("dev-regisseur-1", consent(bsn, "c-1", "regisseur", today.minusDays(1))));
            case TO_REGISSEUR_REVOKED -> {
                all.add(post("dev-regisseur-1", consent(bsn, "c-1", "regisseur", today.plusMonths(6))));
                all.add(post("dev-regisseur-1", envelope("regie.toestemming-ingetrokken", bsn, minutesAgo(1), Map.of("toestemmingId", "c-1"))));
            }
            case TO_WERK_INKOMEN -> all.add(post("dev-regisseur-1", consent(bsn, "c-1", "werk-inkomen", today.plusMonths(6))));
        }
        awaitTimeline(bsn, all);
        int consentsInForce = state == ConsentState.TO_REGISSEUR || state == ConsentState.TO_WERK_INKOMEN ? 1 : 0;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode summary = get("dev-auditor", "/api/v1/clients/" + bsn, Map.of("X-Purpose", "klacht")).getBody();
            return summary.path("regisseur").asText().equals("regisseur-1") && summary.path("activeConsents").size() == consentsInForce;
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> openRegieSignal(bsn));
        return byEventId;
    }

    private String post(String token, Map<String, Object> envelope) {
        ResponseEntity<JsonNode> response = post(token, "/api/v1/events", envelope);
        if (response.getStatusCode() != HttpStatus.ACCEPTED) {
            throw new AssertionError(envelope.get("type") + ": " + response.getStatusCode() + " " + response.getBody());
        }
        String eventId = envelope.get("eventId").toString();
        awaitRecorded(token, eventId);
        return eventId;
    }

    private boolean openRegieSignal(String bsn) {
        for (JsonNode signal : get("dev-auditor", "/api/v1/signals?bsn=" + bsn, Map.of("X-Purpose", "klacht")).getBody().path("signals")) {
            boolean toRegie = false;
            for (JsonNode to : signal.path("routedTo")) {
                toRegie |= to.asText().equals("regie");
            }
            if (toRegie && signal.path("status").asText().equals("open")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> consent(String bsn, String id, String recipient, LocalDate validUntil) {
        return envelope("regie.toestemming-verleend", bsn, minutesAgo(2), Map.of("toestemmingId", id,
                "leefgebieden", List.of("psychische-gezondheid", "gezin-opvoeding"), "ontvanger", recipient,
                "doel", "hulpverlening", "geldigTot", validUntil.toString()));
    }

    private static String minutesAgo(int minutes) {
        return OffsetDateTime.now(CLOCK).minusMinutes(minutes).withNano(0).toString();
    }
}
