package nl.menscentraal.events;

/** Who at the partner works on this client. Only {@code id} is required when the object is present. */
public record Professional(String id, String displayName, String contact) {
}
