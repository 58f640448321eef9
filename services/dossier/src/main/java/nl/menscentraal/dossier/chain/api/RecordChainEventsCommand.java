package nl.menscentraal.dossier.chain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Record a client's partner facts in its dossier, in the order given. A partner's bulk delivery holds many
 * facts per client, and one command per client (not per fact) loads and locks the dossier once and states the
 * resulting situation once. The handler answers one {@link RecordOutcome} per fact, in the same order.
 *
 * @param dossierId  the keyed pseudonym of the client's BSN (never the BSN itself)
 * @param recordedAt when the platform records them (passed in: the domain never reads a clock)
 */
public record RecordChainEventsCommand(
        @TargetAggregateIdentifier String dossierId,
        List<PartnerFact> facts,
        Instant recordedAt) {

    public RecordChainEventsCommand {
        facts = List.copyOf(facts);
    }
}
