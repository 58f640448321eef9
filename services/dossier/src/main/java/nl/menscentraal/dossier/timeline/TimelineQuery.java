package nl.menscentraal.dossier.timeline;

import java.time.Instant;

/**
 * Which part of a client's timeline to read.
 *
 * @param from   inclusive lower bound on {@code occurredAt}, or {@code null}
 * @param to     exclusive upper bound on {@code occurredAt}, or {@code null}
 * @param domain only this life domain, or {@code null} for all
 */
public record TimelineQuery(String dossierId, Instant from, Instant to, String domain) {
}
