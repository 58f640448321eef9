package nl.menscentraal.dossier.chain.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Records, in the client's dossier, that its data key was destroyed. Sent in the transaction that destroys it. */
public record EraseDossierCommand(@TargetAggregateIdentifier String dossierId, String reason, Instant erasedAt) {
}
