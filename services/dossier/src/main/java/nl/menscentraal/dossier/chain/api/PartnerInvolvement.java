package nl.menscentraal.dossier.chain.api;

import java.time.OffsetDateTime;

/**
 * A partner's trajectory with the client.
 *
 * @param until {@code null} while the partner is involved
 */
public record PartnerInvolvement(String partner, OffsetDateTime since, OffsetDateTime until) {

    public boolean isActive() {
        return until == null;
    }
}
