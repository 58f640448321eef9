package nl.menscentraal.signals.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Take an open signal up. */
public record AcknowledgeSignalCommand(@TargetAggregateIdentifier String streamId, UUID signalId, String principal,
                                       String organisation, Instant at) {
}
