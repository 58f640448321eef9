package nl.menscentraal.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.menscentraal.events.Catalogue;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Counts what the intake did with each submitted envelope ({@code mens_centraal_intake_events_total} in
 * Prometheus). Tags are bounded and content-free: the caller's organisation, a catalogue type or
 * {@code unknown} (a free-text type from a request would explode the series and could carry anything),
 * and the outcome. Never a BSN.
 */
@Component("intakeMetrics")
class IntakeMetrics {

    static final String EVENTS = "mens-centraal.intake.events";
    static final String UNKNOWN_TYPE = "unknown";

    enum Outcome {
        ACCEPTED,
        DUPLICATE,
        /** Refused: invalid, too large, not JSON, another partner's type, or not acknowledged in a batch. */
        REJECTED,
        /** The eventId was used before for other content. */
        CONFLICT,
        /** Kafka did not acknowledge a single event; the caller got 503 and retries. */
        UNAVAILABLE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Catalogue catalogue;

    IntakeMetrics(MeterRegistry registry, Catalogue catalogue) {
        this.registry = registry;
        this.catalogue = catalogue;
    }

    void count(String partner, String type, Outcome outcome) {
        Counter.builder(EVENTS)
                .description("Envelopes submitted to the REST intake, by partner, type and outcome")
                .tag("partner", catalogue.isPartner(partner) ? partner : "unknown")
                .tag("type", catalogue.type(type).isPresent() ? type : UNKNOWN_TYPE)
                .tag("outcome", outcome.tag())
                .register(registry)
                .increment();
    }
}
