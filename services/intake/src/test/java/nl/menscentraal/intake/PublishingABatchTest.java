package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublishingABatchTest extends IntakeIntegrationTest {

    @Test
    void handles_each_item_on_its_own_and_answers_in_request_order() {
        String bsn = Bsns.random();
        ObjectNode fresh = Envelopes.uitkeringAangevraagd(bsn);
        ObjectNode publishedBefore = Envelopes.uitkeringAangevraagd(bsn);
        assertThat(publish(WERK_INKOMEN, publishedBefore).status()).isEqualTo(202);
        ObjectNode conflicting = publishedBefore.deepCopy();
        ((ObjectNode) conflicting.get("payload")).put("regeling", "ww");
        ObjectNode invalid = Envelopes.uitkeringAangevraagd(Bsns.failingElfproef());
        ObjectNode otherPartnersType = Envelopes.ontruimingAangezegd(bsn);
        ObjectNode otherPartner = Envelopes.uitkeringAangevraagd(bsn).put("partner", "wmo");
        ObjectNode withoutEventId = Envelopes.uitkeringAangevraagd(bsn);
        withoutEventId.remove("eventId");
        ObjectNode tooLarge = Envelopes.uitkeringAangevraagd(bsn);
        ((ObjectNode) tooLarge.get("payload")).put("toelichting", "x".repeat(64 * 1024));

        Answer answer = batch(WERK_INKOMEN, fresh, publishedBefore, invalid, otherPartnersType, JSON.getNodeFactory().textNode("x"),
                fresh, conflicting, withoutEventId, otherPartner, tooLarge);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode results = answer.body().path("results");
        assertThat(statuses(results)).containsExactly("accepted", "duplicate", "rejected", "rejected", "rejected",
                "duplicate", "rejected", "rejected", "rejected", "rejected");
        assertThat(results.get(0).path("eventId").asText()).isEqualTo(fresh.get("eventId").asText());
        assertThat(results.get(0).has("errors")).isFalse();
        assertThat(results.get(1).path("eventId").asText()).isEqualTo(publishedBefore.get("eventId").asText());
        assertThat(fields(results.get(2))).containsExactly("bsn");
        assertThat(fields(results.get(3))).containsExactly("type");
        assertThat(results.get(4).has("eventId")).as("eventId is written, as null").isTrue();
        assertThat(results.get(4).get("eventId").isNull()).isTrue();
        assertThat(fields(results.get(6))).containsExactly("eventId");
        assertThat(results.get(7).get("eventId").isNull()).isTrue();
        assertThat(fields(results.get(7))).containsExactly("eventId");
        assertThat(fields(results.get(8))).containsExactly("partner");
        assertThat(results.get(9).path("errors").get(0).path("message").asText()).contains("64 KiB");

        // Only the fresh item went to Kafka, once. A marker published afterwards lands behind anything the
        // batch sent (same key, same partition), so the first three records are all there is to see.
        ObjectNode marker = Envelopes.uitkeringAangevraagd(bsn);
        assertThat(publish(WERK_INKOMEN, marker).status()).isEqualTo(202);
        assertThat(partnerEventsKeyed(bsn, 3)).extracting(r -> read(r.value()).path("eventId").asText())
                .containsExactly(publishedBefore.get("eventId").asText(), fresh.get("eventId").asText(),
                        marker.get("eventId").asText());
    }

    @Test
    void accepts_many_items_and_puts_every_one_on_kafka() {
        String bsn = Bsns.random();
        List<ObjectNode> envelopes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            envelopes.add(Envelopes.uitkeringAangevraagd(bsn));
        }

        Answer answer = batch(WERK_INKOMEN, envelopes.toArray(JsonNode[]::new));

        assertThat(statuses(answer.body().path("results"))).hasSize(200).containsOnly("accepted");
        assertThat(partnerEventsKeyed(bsn, 200)).hasSize(200);
        assertThat(jdbc.queryForObject("select count(*) from intake_event where partner = 'werk-inkomen' and status = 'accepted'"
                + " and event_id in (" + String.join(",", envelopes.stream().map(e -> "'" + e.get("eventId").asText() + "'").toList())
                + ")", Integer.class)).isEqualTo(200);
    }

    @Test
    void with_more_than_1000_items_is_refused_with_422_naming_events() {
        JsonNode[] items = new JsonNode[1001];
        for (int i = 0; i < items.length; i++) {
            items[i] = JSON.createObjectNode();
        }

        Answer answer = batch(WERK_INKOMEN, items);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.errorFields()).containsExactly("events");
    }

    @Test
    void without_an_events_list_is_refused_with_422_naming_events() {
        Answer answer = post(WERK_INKOMEN, "/api/v1/events/batch", "{\"events\": {}}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.errorFields()).containsExactly("events");
    }

    @Test
    void that_is_not_json_is_refused_with_400() {
        assertThat(post(WERK_INKOMEN, "/api/v1/events/batch", "events: []").status()).isEqualTo(400);
    }

    @Test
    void with_no_items_answers_no_results() {
        Answer answer = batch(WERK_INKOMEN);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().path("results").isEmpty()).isTrue();
    }

    @Test
    void from_an_auditor_is_refused_with_403() {
        assertThat(batch(AUDITOR, Envelopes.uitkeringAangevraagd()).status()).isEqualTo(403);
    }

    private Answer batch(String token, JsonNode... items) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        for (JsonNode item : items) {
            events.add(item);
        }
        return post(token, "/api/v1/events/batch", body);
    }

    private static List<String> statuses(JsonNode results) {
        List<String> statuses = new ArrayList<>();
        results.forEach(r -> statuses.add(r.path("status").asText()));
        return statuses;
    }

    private static List<String> fields(JsonNode result) {
        List<String> fields = new ArrayList<>();
        result.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }
}
