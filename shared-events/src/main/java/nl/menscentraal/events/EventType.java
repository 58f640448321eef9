package nl.menscentraal.events;

import java.util.List;

/**
 * One event type of the catalogue with its effects.
 *
 * @param name          e.g. {@code schuldhulp.ontruiming-aangezegd}
 * @param partner       the publishing partner (the prefix of the name)
 * @param domain        the life domain, or {@code null} for types without one (all {@code regie.*})
 * @param schemaVersion the newest schema version of this type; older ones are upcast
 */
public record EventType(
        String name,
        String partner,
        String domain,
        Involvement involvement,
        ProblemEffect problem,
        Sensitivity sensitivity,
        List<PayloadField> payload,
        int schemaVersion) {
}
