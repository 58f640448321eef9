package nl.menscentraal.dossier.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;
import java.util.Map;

/**
 * Retention ({@code mens-centraal.retention.*}): how long client data is kept after the last involvement ended,
 * enforced by erasure (the same crypto-shredding as an erasure request).
 *
 * @param enforce       whether this instance erases clients whose retention has passed, daily at {@code cron}
 *                      (Dutch time). Several instances may: one sweeps at a time.
 * @param cron          when the sweep runs
 * @param defaultPeriod kept this long after the last involvement ended (privacy.md: five years)
 * @param periods       longer or shorter periods by event type or partner ({@code jeugd.*}); the longest of a
 *                      dossier's types counts
 */
@ConfigurationProperties("mens-centraal.retention")
record RetentionProperties(@DefaultValue("true") boolean enforce, @DefaultValue("0 30 2 * * *") String cron,
                           @DefaultValue("P5Y") Period defaultPeriod, Map<String, Period> periods) {

    RetentionPolicy policy() {
        return new RetentionPolicy(defaultPeriod, periods == null ? Map.of() : periods);
    }
}
