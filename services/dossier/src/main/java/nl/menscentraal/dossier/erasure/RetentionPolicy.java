package nl.menscentraal.dossier.erasure;

import nl.menscentraal.dossier.chain.api.PartnerInvolvement;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long a client's data may be kept (privacy.md): a period per event type or legal basis, counted from the day
 * the last partner's involvement ended; the longest period of any type in the dossier counts (a youth-care record
 * keeps the whole dossier as long as the Jeugdwet demands). A client some partner is still involved with is kept.
 * A dossier without any involvement counts from its last recorded fact.
 *
 * @param defaultPeriod for every type no pattern names
 * @param periods       by type ({@code jeugd.jeugdhulp-gestart}) or by partner ({@code jeugd.*})
 */
record RetentionPolicy(Period defaultPeriod, Map<String, Period> periods) {

    private static final ZoneId NETHERLANDS = ZoneId.of("Europe/Amsterdam");

    /** The first day the client may no longer be kept, or empty while a partner is involved. */
    Optional<LocalDate> erasableFrom(List<PartnerInvolvement> involvements, Collection<String> types,
                                     OffsetDateTime lastRecorded) {
        if (involvements.stream().anyMatch(PartnerInvolvement::isActive)) {
            return Optional.empty();
        }
        OffsetDateTime basis = involvements.stream().map(PartnerInvolvement::until)
                .max(Comparator.naturalOrder()).orElse(lastRecorded);
        if (basis == null) {
            return Optional.empty();
        }
        LocalDate ended = basis.atZoneSameInstant(NETHERLANDS).toLocalDate();
        return Optional.of(types.stream().map(this::periodOf)
                .map(period -> ended.plus(period).plusDays(1))
                .max(Comparator.naturalOrder())
                .orElse(ended.plus(defaultPeriod).plusDays(1)));
    }

    Period periodOf(String type) {
        Period exact = periods.get(type);
        if (exact != null) {
            return exact;
        }
        Period partner = periods.get(type.substring(0, type.indexOf('.') + 1) + "*");
        return partner != null ? partner : defaultPeriod;
    }
}
