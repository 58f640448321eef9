package nl.menscentraal.events;

/** An event type's effect on whether its life domain has an open problem. */
public enum ProblemEffect {
    RAISES, RESOLVES, NONE
}
