package nl.menscentraal.signals.lifecycle.api;

import java.time.Instant;
import java.util.UUID;

/** A principal took the signal up: it is in-behandeling. */
public record SignalAcknowledged(String streamId, UUID signalId, String principal, String organisation, Instant at) {
}
