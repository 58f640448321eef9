package nl.menscentraal.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Clock;

/**
 * Checks an envelope against {@code event-catalogue.md} and returns <em>every</em> error at once.
 * Used by the REST intake and again by the dossier's Kafka consumer.
 */
public final class EnvelopeValidator {

    public EnvelopeValidator(Catalogue catalogue, Clock clock) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Validates one envelope as JSON. {@code partner} is required here (Kafka rules); the REST intake
     * fills it from the caller's credentials before calling this.
     */
    public ValidationResult validate(JsonNode envelope) {
        throw new UnsupportedOperationException("TODO");
    }
}
