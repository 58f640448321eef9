package nl.menscentraal.signals.rules;

import com.fasterxml.jackson.databind.JsonNode;
import nl.menscentraal.events.Involvement;
import nl.menscentraal.events.ProblemEffect;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;

/**
 * One recorded partner fact as the rules see it.
 *
 * @param memberId       the dossier id (BSN pseudonym) of the client the fact is about
 * @param seq            recording order within the member's dossier; breaks ties of equal {@code occurredAt}
 * @param domain         the life domain, or {@code null} (regie types)
 * @param cluster        the domain's problem cluster, or {@code null}
 * @param professionalId the professional's id, or {@code null}
 */
public record Fact(
        UUID eventId,
        String memberId,
        long seq,
        String type,
        String partner,
        String domain,
        String cluster,
        Involvement involvement,
        ProblemEffect problem,
        OffsetDateTime occurredAt,
        Instant recordedAt,
        String professionalId,
        JsonNode payload) {

    /** Business time: partners deliver late, so facts are ordered by when they happened, not when they arrived. */
    static final Comparator<Fact> BUSINESS_TIME = Comparator.comparing((Fact f) -> f.occurredAt().toInstant())
            .thenComparing(Fact::memberId).thenComparingLong(Fact::seq);

    Instant at() {
        return occurredAt.toInstant();
    }

    /** The type without its partner prefix: {@code schuldhulp.aanmelding-ontvangen} → {@code aanmelding-ontvangen}. */
    String shortType() {
        return type.substring(type.indexOf('.') + 1);
    }
}
