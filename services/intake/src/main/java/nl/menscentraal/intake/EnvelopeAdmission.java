package nl.menscentraal.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.menscentraal.events.Catalogue;
import nl.menscentraal.events.Envelope;
import nl.menscentraal.events.EnvelopeJson;
import nl.menscentraal.events.EnvelopeValidator;
import nl.menscentraal.events.EventType;
import nl.menscentraal.events.FieldError;
import nl.menscentraal.events.ValidationResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether one envelope from a partner may go on: the partner rules of {@code api.md} first
 * (a refusal there is about <em>who</em> sends, so 403), then the catalogue rules of the
 * {@link EnvelopeValidator} with every error at once (422). Shared by the single and the batch call so
 * both apply exactly the same rules.
 */
@Component("intakeEnvelopeAdmission")
class EnvelopeAdmission {

    /** Timestamps the platform sets; a partner's value is ignored rather than validated. */
    private static final List<String> PLATFORM_FIELDS = List.of("receivedAt", "recordedAt");

    private final Catalogue catalogue;
    private final EnvelopeValidator validator;

    EnvelopeAdmission(Catalogue catalogue, EnvelopeValidator validator) {
        this.catalogue = catalogue;
        this.validator = validator;
    }

    sealed interface Admission {
    }

    /** Refused with {@code status}: 403 with one error naming the field, or 422 with every error. */
    record Refused(HttpStatus status, String detail, List<FieldError> errors) implements Admission {
    }

    /** Valid, with the partner from the credentials and the content fingerprint. */
    record Admitted(Envelope envelope, String fingerprint) implements Admission {
    }

    /**
     * @param partner the caller's organisation: the only partner it may publish as
     */
    Admission admit(String partner, ObjectNode sent) {
        JsonNode sentPartner = sent.get("partner");
        if (sentPartner != null && !sentPartner.isNull()
                && !(sentPartner.isTextual() && sentPartner.asText().equals(partner))) {
            return forbidden("partner", "differs from the partner of your credentials; leave it out or send your own",
                    "The envelope names another partner than the caller's organisation.");
        }
        Optional<EventType> type = knownType(sent);
        if (type.isPresent() && !type.get().partner().equals(partner)) {
            return forbidden("type", "is a type of another partner; a partner may only publish types under its own prefix",
                    "The event type belongs to another partner.");
        }

        ObjectNode envelope = sent.deepCopy();
        envelope.remove(PLATFORM_FIELDS);
        envelope.put("partner", partner);
        ValidationResult result = validator.validate(envelope);
        if (result instanceof ValidationResult.Invalid invalid) {
            return new Refused(HttpStatus.UNPROCESSABLE_ENTITY, null, invalid.errors());
        }
        Envelope valid = ((ValidationResult.Valid) result).envelope();
        return new Admitted(valid, EnvelopeJson.fingerprint(valid));
    }

    /** The envelope's type name if the catalogue knows it; a metrics tag, never free text. */
    String typeTag(JsonNode sent) {
        return sent == null ? IntakeMetrics.UNKNOWN_TYPE
                : knownType(sent).map(EventType::name).orElse(IntakeMetrics.UNKNOWN_TYPE);
    }

    private Optional<EventType> knownType(JsonNode sent) {
        JsonNode type = sent.get("type");
        return type != null && type.isTextual() ? catalogue.type(type.asText()) : Optional.empty();
    }

    private static Refused forbidden(String field, String message, String detail) {
        return new Refused(HttpStatus.FORBIDDEN, detail, List.of(new FieldError(field, message)));
    }
}
