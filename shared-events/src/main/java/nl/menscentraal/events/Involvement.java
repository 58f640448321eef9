package nl.menscentraal.events;

/** An event type's effect on whether its partner has an open trajectory with the client. */
public enum Involvement {
    STARTS, ENDS, NONE
}
