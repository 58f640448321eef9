package nl.menscentraal.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.EventType;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.PayloadField;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Client journeys made from the catalogue itself: every type's payload is filled from its declared fields,
 * so whatever the catalogue holds, the load is valid. Deterministic for a seed, so every phase of one run
 * gets the same work.
 *
 * <p>The mix follows the field data of {@code scenarios.md} and the inspections: most clients know two or
 * three partners, Werk &amp; Inkomen and Schuldhulp most often, a regisseur for a minority; partners start
 * their trajectory first and follow up with the rest of their types.
 */
final class LoadGenerator {

    /** How often a partner is among a client's partners (field mix: income and debts dominate). */
    private static final Map<String, Double> PARTNER_SHARE = Map.of(
            "werk-inkomen", 0.80, "schuldhulp", 0.55, "wmo", 0.40, "ggz", 0.30, "jeugd", 0.15, "regie", 0.20);

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    record Client(String bsn, List<ObjectNode> events) {
    }

    private final Catalogue catalogue;
    private final Random random;

    LoadGenerator(Catalogue catalogue, long seed) {
        this.catalogue = catalogue;
        this.random = new Random(seed);
    }

    /** {@code count} clients with the BSNs numbered from {@code first}, so two loads never share a client. */
    List<Client> clients(int first, int count, int eventsPerClient) {
        List<Client> clients = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            clients.add(client(bsn(i), eventsPerClient));
        }
        return clients;
    }

    private Client client(String bsn, int eventsPerClient) {
        List<String> partners = new ArrayList<>();
        PARTNER_SHARE.forEach((partner, share) -> {
            if (random.nextDouble() < share) {
                partners.add(partner);
            }
        });
        if (partners.isEmpty()) {
            partners.add("werk-inkomen");
        }
        partners.sort(null);
        OffsetDateTime at = OffsetDateTime.of(2016, 1, 1, 9, 0, 0, 0, ZoneOffset.ofHours(1))
                .plusDays(random.nextInt(365));
        int n = Math.max(1, eventsPerClient / 2 + random.nextInt(eventsPerClient + 1));
        List<ObjectNode> events = new ArrayList<>(n);
        for (int e = 0; e < n; e++) {
            String partner = partners.get(random.nextInt(partners.size()));
            EventType type = pick(partner, e < partners.size());
            at = at.plusHours(1 + random.nextInt(24 * 20));
            events.add(envelope(type, bsn, at));
        }
        return new Client(bsn, events);
    }

    /** A partner's first events are usually its trajectory start; later ones anything it publishes. */
    private EventType pick(String partner, boolean early) {
        List<EventType> types = catalogue.typesOf(partner);
        if (early) {
            List<EventType> starts = types.stream().filter(t -> t.involvement() == Involvement.STARTS).toList();
            if (!starts.isEmpty()) {
                return starts.get(random.nextInt(starts.size()));
            }
        }
        return types.get(random.nextInt(types.size()));
    }

    private ObjectNode envelope(EventType type, String bsn, OffsetDateTime at) {
        ObjectNode envelope = JSON.objectNode();
        envelope.put("eventId", new UUID(random.nextLong(), random.nextLong()).toString());
        envelope.put("type", type.name());
        envelope.put("partner", type.partner());
        envelope.put("bsn", bsn);
        envelope.put("occurredAt", at.toString());
        if (random.nextInt(3) > 0) {
            envelope.putObject("professional").put("id", type.partner() + "-" + random.nextInt(50))
                    .put("displayName", "Medewerker " + random.nextInt(50));
        }
        ObjectNode payload = envelope.putObject("payload");
        for (PayloadField field : type.payload()) {
            if (field.required() || random.nextBoolean()) {
                payload.set(field.name(), value(field, bsn, at));
            }
        }
        return envelope;
    }

    private com.fasterxml.jackson.databind.JsonNode value(PayloadField field, String bsn, OffsetDateTime at) {
        List<String> partners = List.copyOf(catalogue.partners().stream().filter(p -> !p.equals("regie")).sorted().toList());
        List<String> domains = catalogue.domains().stream().sorted().toList();
        return switch (field.kind()) {
            case STRING -> JSON.textNode("waarde-" + random.nextInt(10));
            case ENUM -> JSON.textNode(field.values().get(random.nextInt(field.values().size())));
            case INTEGER -> JSON.numberNode(between(field.min(), field.max()));
            case NUMBER -> JSON.numberNode(between(field.min(), field.max() == null ? null : field.max() - 1) + 0.5 * random.nextInt(2));
            case BOOLEAN -> JSON.booleanNode(random.nextBoolean());
            case DATE -> JSON.textNode(LocalDate.from(at).plusDays(random.nextInt(120)).toString());
            case BSN -> JSON.textNode(bsn);
            case BSN_LIST -> JSON.arrayNode().add(bsn);
            case PARTNER, RECIPIENT -> JSON.textNode(partners.get(random.nextInt(partners.size())));
            case PARTNER_LIST -> JSON.arrayNode().add(partners.get(random.nextInt(partners.size())));
            case DOMAIN -> JSON.textNode(domains.get(random.nextInt(domains.size())));
            case DOMAIN_LIST -> JSON.arrayNode().add(domains.get(random.nextInt(domains.size())));
            case UUID -> JSON.textNode(new UUID(random.nextLong(), random.nextLong()).toString());
            case PLAN_GOALS -> {
                ArrayNode goals = JSON.arrayNode();
                goals.addObject().put("leefgebied", domains.get(random.nextInt(domains.size())))
                        .put("doel", "doel").put("eigenaarPartner", partners.get(random.nextInt(partners.size())))
                        .put("streefdatum", LocalDate.from(at).plusMonths(3).toString());
                yield goals;
            }
        };
    }

    private long between(Long min, Long max) {
        long lo = min == null ? 0 : min;
        long hi = max == null ? lo + 1000 : max;
        return lo + (long) (random.nextDouble() * (hi - lo + 1));
    }

    /** The i-th test BSN: 8 digits from i and the check digit the elfproef demands (skipping i that have none). */
    static String bsn(int i) {
        for (int candidate = 10_000_000 + i * 11; ; candidate++) {
            String digits = Integer.toString(candidate);
            int sum = 0;
            for (int d = 0; d < 8; d++) {
                sum += (9 - d) * (digits.charAt(d) - '0');
            }
            int check = sum % 11;
            if (check < 10) {
                return digits + check;
            }
        }
    }
}
