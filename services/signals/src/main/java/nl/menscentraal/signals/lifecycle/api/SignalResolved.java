package nl.menscentraal.signals.lifecycle.api;

import java.time.Instant;
import java.util.UUID;

/**
 * The signal is afgehandeld.
 *
 * @param resolution {@code opgepakt}, {@code niet-nodig} or {@code doorverwezen}
 */
public record SignalResolved(String streamId, UUID signalId, String resolution, String note, String principal,
                             String organisation, Instant at) {
}
