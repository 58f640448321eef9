package nl.menscentraal.dossier.store;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Base64;

/**
 * Settings of data at rest ({@code mens-centraal.privacy.*}), shared by every service that writes to the event
 * store (the dossier and the signals).
 *
 * @param masterKey   the key that encrypts every client's data key: 32 random bytes, base64
 *                    ({@code openssl rand -base64 32}). No default. Losing it loses every client's history; a
 *                    new one makes the stored keys unreadable, so rotate by re-wrapping, never by replacing.
 * @param keyCacheTtl how long a read may use a data key it loaded before asking again; an erasure reaches the
 *                    reads of other instances within this time (this instance at once). Appends never cache.
 */
@Validated
@ConfigurationProperties("mens-centraal.privacy")
public record PrivacyProperties(@NotBlank String masterKey, @DefaultValue("PT1M") Duration keyCacheTtl) {

    byte[] masterKeyBytes() {
        try {
            byte[] key = Base64.getDecoder().decode(masterKey);
            if (key.length != 32) {
                throw new IllegalArgumentException("mens-centraal.privacy.master-key must be 32 bytes, base64-encoded");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("mens-centraal.privacy.master-key must be 32 bytes, base64-encoded "
                    + "(openssl rand -base64 32)");
        }
    }
}
