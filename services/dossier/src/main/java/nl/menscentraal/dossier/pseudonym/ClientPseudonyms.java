package nl.menscentraal.dossier.pseudonym;

import nl.menscentraal.events.Bsn;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * Keyed pseudonyms of BSNs (HMAC-SHA256 with a platform secret): the dossier's aggregate id and the key
 * of every projection row. Without the secret a pseudonym cannot be traced back to a BSN by trying all
 * billion numbers, which a plain hash would allow.
 */
public final class ClientPseudonyms {

    private final SecretKeySpec key;

    public ClientPseudonyms(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the pseudonym secret must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String of(Bsn bsn) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(bsn.value().getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
