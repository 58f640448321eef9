package nl.menscentraal.signals.lifecycle.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Close an open or in-behandeling signal with a resolution and a note. */
public record ResolveSignalCommand(@TargetAggregateIdentifier String streamId, UUID signalId, String resolution,
                                   String note, String principal, String organisation, Instant at) {
}
