package nl.menscentraal.signals.lifecycle.api;

import java.time.Instant;
import java.util.UUID;

/** The signal's reason no longer holds (its condition cleared, or a late fact showed it never held): vervallen. */
public record SignalExpired(String streamId, UUID signalId, Instant at) {
}
