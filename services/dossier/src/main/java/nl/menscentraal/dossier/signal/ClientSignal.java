package nl.menscentraal.dossier.signal;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A signal as it concerns one client: what the dossier keeps of the signals service's announcements. No
 * explanation and no {@code basedOn}: the dossier needs to know only that a signal is there, for whom, and how far it
 * has come.
 *
 * @param dossierId the client's pseudonym; a household signal gives one of these per member
 * @param routedTo  {@code regie} and/or partner ids
 * @param status    {@code open}, {@code in-behandeling}, {@code afgehandeld} or {@code vervallen}
 * @param version   how many steps the signal's history had when this was announced: it only grows, so a
 *                  redelivered older announcement can be recognised and ignored
 */
public record ClientSignal(String dossierId, UUID signalId, String ruleId, String severity, List<String> routedTo,
                           String status, int version, Instant raisedAt) {

    /** The lifecycle of signal-rules.md: open and in-behandeling ask for attention, the others are closed. */
    static final Set<String> STATUSES = Set.of("open", "in-behandeling", "afgehandeld", "vervallen");

    /** Signals for the regie team are routed to this recipient. */
    public static final String REGIE = "regie";

    public ClientSignal {
        routedTo = List.copyOf(routedTo);
    }
}
