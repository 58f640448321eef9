package nl.menscentraal.local;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.dossier.pseudonym.ClientPseudonyms;
import nl.menscentraal.events.Bsn;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Data at rest (privacy.md): payloads and BSNs are encrypted with the client's key, every stream is a hash chain
 * an auditor can verify, and erasure destroys the key: the client is gone from every view, the chain still holds.
 */
class DataAtRestTest extends PlatformTest {

    private static final Map<String, String> TOEZICHT = Map.of("X-Purpose", "toezicht");

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ClientPseudonyms pseudonyms;

    @Nested
    class Encryption {

        @Test
        void the_event_store_holds_neither_the_bsn_nor_the_payload_readably() {
            String bsn = uniqueBsn();
            String marker = "regeling-" + bsn.substring(3);
            recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn, daysAgo(2), Map.of("regeling", marker)));

            List<byte[]> stored = jdbc.queryForList("SELECT payload FROM domainevententry WHERE aggregateidentifier = ?",
                    byte[].class, pseudonyms.of(Bsn.parse(bsn)));
            assertThat(stored).hasSizeGreaterThanOrEqualTo(2).allSatisfy(payload -> {
                String text = new String(payload, StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain(bsn).doesNotContain(marker).doesNotContain("werk-inkomen");
            });
            // while the auditor reads it back, with its link in the chain
            assertThat(history(bsn)).filteredOn(e -> e.path("type").asText().equals("ChainEventRecorded")).singleElement()
                    .satisfies(e -> {
                        assertThat(e.path("event").path("payload").path("regeling").asText()).isEqualTo(marker);
                        assertThat(e.path("chainHash").asText()).hasSize(64);
                    });
        }
    }

    @Nested
    class Integrity {

        @Test
        void an_untouched_client_verifies() {
            String bsn = uniqueBsn();
            recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn, daysAgo(2), Map.of("regeling", "bijstand")));
            recorded("dev-wmo", envelope("wmo.opvang-toegelaten", bsn, daysAgo(1), Map.of("soort", "nachtopvang")));

            JsonNode result = integrity(bsn);

            assertThat(result.path("verified").asLong()).isGreaterThanOrEqualTo(4);
            assertThat(result.path("brokenAt").isNull()).isTrue();
        }

        @Test
        void a_row_altered_in_postgresql_is_named_as_the_first_broken_link() {
            String bsn = uniqueBsn();
            recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn, daysAgo(3), Map.of("regeling", "bijstand")));
            recorded("dev-wmo", envelope("wmo.opvang-toegelaten", bsn, daysAgo(2), Map.of("soort", "nachtopvang")));
            recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-toegekend", bsn, daysAgo(1), Map.of("regeling", "bijstand")));
            String dossier = pseudonyms.of(Bsn.parse(bsn));
            long secondFact = jdbc.queryForObject("""
                    SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ?
                    AND payloadtype LIKE '%ChainEventRecorded' ORDER BY sequencenumber OFFSET 1 LIMIT 1""", Long.class, dossier);
            byte[] original = jdbc.queryForObject("SELECT payload FROM domainevententry WHERE aggregateidentifier = ? "
                    + "AND sequencenumber = ?", byte[].class, dossier, secondFact);
            byte[] altered = original.clone();
            altered[altered.length - 1] ^= 0x01;
            jdbc.update("UPDATE domainevententry SET payload = ? WHERE aggregateidentifier = ? AND sequencenumber = ?",
                    altered, dossier, secondFact);
            try {
                JsonNode result = integrity(bsn);

                assertThat(result.path("brokenAt").path("stream").asText()).isEqualTo(dossier);
                assertThat(result.path("brokenAt").path("sequenceNumber").asLong()).isEqualTo(secondFact);
                assertThat(result.path("brokenAt").path("reason").asText()).startsWith("changed");
                assertThat(result.path("verified").asLong()).isEqualTo(secondFact);
            } finally {
                jdbc.update("UPDATE domainevententry SET payload = ? WHERE aggregateidentifier = ? AND sequencenumber = ?",
                        original, dossier, secondFact);
            }
            assertThat(integrity(bsn).path("brokenAt").isNull()).isTrue();
        }

        @Test
        void the_whole_store_verifies_and_only_auditors_with_a_purpose_may_ask() {
            recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", uniqueBsn(), daysAgo(2), Map.of("regeling", "bijstand")));

            ResponseEntity<JsonNode> all = get("dev-auditor", "/api/v1/audit/integrity", TOEZICHT);

            assertThat(all.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(all.getBody().path("verified").asLong()).isPositive();
            assertThat(all.getBody().path("brokenAt").isNull()).as("%s", all.getBody()).isTrue();
            assertThat(get("dev-auditor", "/api/v1/audit/integrity").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(get("dev-operator", "/api/v1/audit/integrity").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Nested
    class Erasure {

        @Test
        void an_erased_client_is_gone_from_every_view_its_events_unreadable_and_its_chain_intact() {
            String bsn = uniqueBsn();
            recorded("dev-wmo", envelope("wmo.opvang-toegelaten", bsn, daysAgo(3), Map.of("soort", "nachtopvang")));
            recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn, daysAgo(3), Map.of("regeling", "bijstand")));
            await().atMost(Duration.ofSeconds(30)).until(() -> signalsOf(bsn).size() > 0);

            ResponseEntity<JsonNode> erased = post("dev-operator", "/api/v1/admin/erasures",
                    Map.of("bsn", bsn, "reason", "AVG art. 17 verzoek"));

            assertThat(erased.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(get("dev-auditor", "/api/v1/clients/" + bsn + "/timeline", TOEZICHT).getStatusCode())
                        .isEqualTo(HttpStatus.NOT_FOUND);
                assertThat(get("dev-werk-inkomen", "/api/v1/clients/" + bsn).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
                assertThat(signalsOf(bsn)).isEmpty();
            });
            List<JsonNode> history = history(bsn);
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.path("type").asText()).isEqualTo("DossierErased");
            assertThat(last.path("event").path("reason").asText()).isEqualTo("AVG art. 17 verzoek");
            assertThat(last.path("event").toString()).doesNotContain(bsn);
            assertThat(history.subList(0, history.size() - 1)).isNotEmpty().allSatisfy(e -> {
                assertThat(e.path("erased").asBoolean()).isTrue();
                assertThat(e.path("event").isMissingNode() || e.path("event").isNull()).as("%s", e).isTrue();
            });
            assertThat(history).extracting(e -> e.path("stream").asText()).contains("signals");
            JsonNode chain = integrity(bsn);
            assertThat(chain.path("brokenAt").isNull()).isTrue();
            assertThat(chain.path("verified").asLong()).isEqualTo(history.size());
        }

        @Test
        void a_fact_after_the_erasure_starts_the_dossier_afresh() {
            String bsn = uniqueBsn();
            recorded("dev-werk-inkomen", envelope("werk-inkomen.uitkering-aangevraagd", bsn, daysAgo(3), Map.of("regeling", "bijstand")));
            assertThat(post("dev-operator", "/api/v1/admin/erasures", Map.of("bsn", bsn, "reason", "AVG art. 17 verzoek"))
                    .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            await().atMost(Duration.ofSeconds(30)).until(() -> get("dev-auditor", "/api/v1/clients/" + bsn + "/timeline",
                    TOEZICHT).getStatusCode() == HttpStatus.NOT_FOUND);

            String later = recorded("dev-wmo", envelope("wmo.opvang-toegelaten", bsn, daysAgo(1), Map.of("soort", "nachtopvang")));

            awaitTimeline(bsn, List.of(later));
            assertThat(get("dev-auditor", "/api/v1/clients/" + bsn + "/timeline", TOEZICHT).getBody().path("entries"))
                    .extracting(e -> e.path("eventId").asText()).containsExactly(later);
            assertThat(integrity(bsn).path("brokenAt").isNull()).isTrue();
        }

        @Test
        void only_operators_erase_and_a_bad_request_names_every_field() {
            assertThat(post("dev-regisseur-1", "/api/v1/admin/erasures", Map.of("bsn", uniqueBsn(), "reason", "AVG"))
                    .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            ResponseEntity<JsonNode> invalid = post("dev-operator", "/api/v1/admin/erasures", Map.of("bsn", "123456789"));

            assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(invalid.getBody().path("errors")).extracting(e -> e.path("field").asText())
                    .containsExactlyInAnyOrder("bsn", "reason");
        }

        @Test
        void an_unknown_client_is_answered_like_a_known_one() {
            ResponseEntity<JsonNode> response = post("dev-operator", "/api/v1/admin/erasures",
                    Map.of("bsn", uniqueBsn(), "reason", "AVG art. 17 verzoek"));

            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(response.getBody().path("status").asText()).isEqualTo("erased");
        }
    }

    @Nested
    class Retention {

        @Test
        void a_client_five_years_after_the_last_involvement_ended_is_erased_and_one_still_within_is_kept() {
            CLOCK.setTo(Instant.parse("1997-07-02T09:00:00Z"));
            try {
                String past = uniqueBsn();
                recorded("dev-wmo", envelope("wmo.opvang-toegelaten", past, "1990-01-01T10:00:00+01:00", Map.of("soort", "nachtopvang")));
                String ended = recorded("dev-wmo", envelope("wmo.zelfstandig-gehuisvest", past, "1992-06-01T10:00:00+02:00", Map.of()));
                String within = uniqueBsn();
                recorded("dev-wmo", envelope("wmo.opvang-toegelaten", within, "1990-01-01T10:00:00+01:00", Map.of("soort", "nachtopvang")));
                String endedLater = recorded("dev-wmo", envelope("wmo.zelfstandig-gehuisvest", within, "1993-01-01T10:00:00+01:00", Map.of()));
                awaitTimeline(past, List.of(ended));
                awaitTimeline(within, List.of(endedLater));
                await().atMost(Duration.ofSeconds(30)).until(() -> involvementsEnded(past) && involvementsEnded(within));

                assertThat(post("dev-werk-inkomen", "/api/v1/admin/retention/sweep", Map.of()).getStatusCode())
                        .isEqualTo(HttpStatus.FORBIDDEN);
                ResponseEntity<JsonNode> sweep = post("dev-operator", "/api/v1/admin/retention/sweep", Map.of());

                assertThat(sweep.getStatusCode()).isEqualTo(HttpStatus.OK);
                assertThat(sweep.getBody().path("erased").asInt()).isPositive();
                await().atMost(Duration.ofSeconds(30)).until(() -> get("dev-auditor", "/api/v1/clients/" + past + "/timeline",
                        TOEZICHT).getStatusCode() == HttpStatus.NOT_FOUND);
                JsonNode last = history(past).get(history(past).size() - 1);
                assertThat(last.path("event").path("reason").asText()).isEqualTo("bewaartermijn verstreken");
                assertThat(get("dev-auditor", "/api/v1/clients/" + within + "/timeline", TOEZICHT).getStatusCode())
                        .isEqualTo(HttpStatus.OK);
            } finally {
                CLOCK.reset();
            }
        }

        boolean involvementsEnded(String bsn) {
            ResponseEntity<JsonNode> summary = get("dev-auditor", "/api/v1/clients/" + bsn, TOEZICHT);
            if (!summary.getStatusCode().is2xxSuccessful()) {
                return false;
            }
            // the summary lists the partners involved now
            return summary.getBody().path("involvedPartners").isEmpty();
        }
    }

    String recorded(String token, Map<String, Object> envelope) {
        assertThat(post(token, "/api/v1/events", envelope).getStatusCode().is2xxSuccessful()).isTrue();
        String eventId = envelope.get("eventId").toString();
        awaitRecorded(token, eventId);
        return eventId;
    }

    static String daysAgo(int days) {
        return OffsetDateTime.now(CLOCK).minusDays(days).withNano(0).toString();
    }

    JsonNode integrity(String bsn) {
        ResponseEntity<JsonNode> response = get("dev-auditor", "/api/v1/audit/integrity?bsn=" + bsn, TOEZICHT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    List<JsonNode> history(String bsn) {
        ResponseEntity<JsonNode> response = get("dev-auditor", "/api/v1/audit/clients/" + bsn + "/events", TOEZICHT);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> events = new ArrayList<>();
        response.getBody().path("events").forEach(events::add);
        return events;
    }

    List<JsonNode> signalsOf(String bsn) {
        List<JsonNode> signals = new ArrayList<>();
        get("dev-auditor", "/api/v1/signals?bsn=" + bsn, TOEZICHT).getBody().path("signals").forEach(signals::add);
        return signals;
    }
}
