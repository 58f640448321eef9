package nl.menscentraal.events;

/**
 * One thing wrong with an envelope: the JSON path of the field ({@code bsn}, {@code payload.regeling})
 * and a message for the partner's developer. Messages never repeat the offending value, so they are safe
 * to log and to put in a dead-letter header.
 */
public record FieldError(String field, String message) {
}
