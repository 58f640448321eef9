package nl.menscentraal.signals.rules;

import java.time.Duration;
import java.util.List;

/** The primitives rules are built from (see {@code docs/signals.md}). */
sealed interface Condition permits Condition.OnState, Condition.OnEvent {

    /**
     * Counts over the client's situation, or over a household's members.
     *
     * @param state              for client rules
     * @param oneMember          for household rules: one member satisfies this …
     * @param anotherMember      … and another member that
     * @param heldFor            deadline: fires once the condition held this long without a break
     * @param without            with heldFor: and no such fact happened in that time
     * @param eachPartnerJoining a new episode each time a partner becomes involved while the condition holds
     */
    record OnState(StatePredicate state, StatePredicate oneMember, StatePredicate anotherMember, Duration heldFor,
                   Matcher without, boolean eachPartnerJoining) implements Condition {
    }

    /**
     * An opening fact, and what must (not) accompany it.
     *
     * @param event      the opening fact
     * @param whileState the client's situation just after the opening fact
     * @param until      holds from the opening fact until such a fact follows
     * @param awaiting   deadline: holds when no such fact happened within {@code within} after the opening
     * @param count      holds when this many opening-like facts happened within {@code within} of the first
     * @param alsoEvent  co-occurrence: holds when such a fact happened within {@code alsoWithin} before or after
     * @param overrides  the first override whose condition holds changes severity, window or timing
     */
    record OnEvent(Matcher event, StatePredicate whileState, Matcher until, Matcher awaiting, Duration within,
                   Integer count, Matcher alsoEvent, Duration alsoWithin, List<Override> overrides) implements Condition {
    }

    /**
     * @param when            the opening fact matches this
     * @param householdMember some member of the client's household (the client included) satisfies this
     * @param immediate       a deadline fires at once instead of when the window has passed
     */
    record Override(Matcher when, StatePredicate householdMember, Duration within, Severity severity,
                    boolean immediate) {
    }
}
