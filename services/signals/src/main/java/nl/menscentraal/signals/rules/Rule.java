package nl.menscentraal.signals.rules;

import java.util.List;

/**
 * One signal rule, as the rules file defines it.
 *
 * @param routedTo    {@code regie}, partner ids, {@code involved-partners} (those involved when it fired) or
 *                    {@code opening-partner} (the partner of the opening fact)
 * @param autoExpire  an open signal moves to {@code vervallen} when its condition clears
 * @param explanation a Dutch sentence with {@code {placeholders}} filled from the triggering facts
 * @param anyOf       the rule holds when any of these holds
 */
public record Rule(String id, int version, String name, Severity severity, List<String> routedTo, boolean household,
                   boolean autoExpire, String explanation, List<Condition> anyOf) {

    /**
     * Whether an active signal of this rule lapses when its episode no longer holds: auto-expiring rules when
     * the condition clears, deadline rules when a late fact shows the deadline was met after all.
     */
    public boolean lapsesWhenCleared() {
        return autoExpire || anyOf.stream().anyMatch(c -> c instanceof Condition.OnState s ? s.heldFor() != null
                : ((Condition.OnEvent) c).awaiting() != null);
    }
}
