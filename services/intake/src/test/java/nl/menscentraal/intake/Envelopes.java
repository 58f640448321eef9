package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Valid envelopes to start a test from; tests break them on purpose where they need to. */
final class Envelopes {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private Envelopes() {
    }

    /** {@code werk-inkomen.uitkering-aangevraagd} for a fresh BSN and eventId. */
    static ObjectNode uitkeringAangevraagd() {
        return uitkeringAangevraagd(Bsns.random());
    }

    static ObjectNode uitkeringAangevraagd(String bsn) {
        ObjectNode envelope = base("werk-inkomen.uitkering-aangevraagd", bsn);
        envelope.putObject("payload").put("regeling", "daklozenuitkering");
        return envelope;
    }

    /** {@code schuldhulp.ontruiming-aangezegd}, a type werk-inkomen may not publish. */
    static ObjectNode ontruimingAangezegd(String bsn) {
        ObjectNode envelope = base("schuldhulp.ontruiming-aangezegd", bsn);
        envelope.putObject("payload").put("datumOntruiming", "2026-10-01");
        return envelope;
    }

    /** {@code regie.regisseur-toegewezen}, published by a regisseur. */
    static ObjectNode regisseurToegewezen(String bsn) {
        ObjectNode envelope = base("regie.regisseur-toegewezen", bsn);
        envelope.putObject("payload").put("regisseurId", "regisseur-1").put("organisatie", "gemeente");
        return envelope;
    }

    private static ObjectNode base(String type, String bsn) {
        ObjectNode envelope = JSON.objectNode();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("bsn", bsn);
        envelope.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(1)).minusDays(1).withNano(0).toString());
        envelope.putObject("professional").put("id", "pro-1").put("displayName", "J. de Vries");
        return envelope;
    }
}
