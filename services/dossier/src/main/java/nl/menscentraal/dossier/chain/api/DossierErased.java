package nl.menscentraal.dossier.chain.api;

import java.time.Instant;

/**
 * The client's data key was destroyed ("dossier-gewist", privacy.md): everything recorded before now reads as
 * nothing, and every view forgets the client. Content-free by design, and the one event stored unencrypted: it
 * stays readable to say that the erasure happened, when, and on what ground.
 *
 * @param reason the legal ground the operator gave (for example "AVG art. 17 verzoek" or "bewaartermijn verstreken");
 *               never personal data, as it is stored in the clear
 */
public record DossierErased(String dossierId, String reason, Instant erasedAt) {
}
