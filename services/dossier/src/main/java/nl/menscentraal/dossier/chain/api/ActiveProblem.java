package nl.menscentraal.dossier.chain.api;

import java.time.OffsetDateTime;

/** A life domain with an open problem, since the first {@code raises} after the last {@code resolves}. */
public record ActiveProblem(String domain, OffsetDateTime since) {
}
