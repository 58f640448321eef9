package nl.menscentraal.dossier.store;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One data key per data subject (a client's pseudonym, or a household's subject id), kept in {@code data_key},
 * apart from the events, and itself encrypted with the platform's master key: a copy of the database alone
 * decrypts nothing. Destroying a subject's key is erasure (crypto-shredding): its events stay in the store and
 * in the hash chain, unreadable.
 *
 * <p>A stored payload is {@code 0x01 | key id (16) | IV (12) | AES-GCM ciphertext}; the stream and sequence
 * number are the associated data, so a ciphertext copied into another row does not decrypt. JSON payloads
 * (which start with {@code '{'}) were recorded before encryption, or are content-free by design.
 */
public final class DataKeys {

    private static final byte FORMAT = 0x01;
    private static final int KEY_ID_LENGTH = 16;
    private static final int IV_LENGTH = 12;
    private static final int TAG_BITS = 128;
    private static final int CACHE_SIZE = 10_000;

    private final DataSource dataSource;
    private final SecretKey masterKey;
    private final Duration cacheTtl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** Key id → key (or absent: destroyed), for reads. Appends never trust it: see {@link #forAppend}. */
    private final Map<UUID, Cached> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    private record Cached(Optional<SecretKey> key, Instant loadedAt) {
    }

    /** The key a subject's new events are encrypted with. */
    public record DataKey(UUID id, SecretKey key) {
    }

    public DataKeys(DataSource dataSource, byte[] masterKey, Duration cacheTtl, Clock clock) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (256 bits), base64-encoded");
        }
        this.dataSource = dataSource;
        this.masterKey = new SecretKeySpec(masterKey, "AES");
        this.cacheTtl = cacheTtl;
        this.clock = clock;
    }

    /** The data subject whose key protects a stream: a client's dossier and its signals share the client's key. */
    public static String subjectOf(String stream) {
        return stream.startsWith("signals-") ? stream.substring("signals-".length()) : stream;
    }

    /**
     * The subject's key, created on its first event, read in the appending transaction with a share lock: an
     * erasure running at the same time either finishes first (and this append starts a new key) or waits for
     * this append to commit. A cached key could outlive its erasure on another instance.
     */
    DataKey forAppend(Connection connection, String subject) throws SQLException {
        Optional<DataKey> existing = select(connection, subject);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO data_key (key_id, subject, wrapped, created_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (subject) DO NOTHING")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, subject);
            insert.setBytes(3, wrap(newKey()));
            insert.setObject(4, java.sql.Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
        return select(connection, subject)
                .orElseThrow(() -> new IllegalStateException("a data key was created and is gone in one transaction"));
    }

    private Optional<DataKey> select(Connection connection, String subject) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT key_id, wrapped FROM data_key WHERE subject = ? FOR SHARE")) {
            query.setString(1, subject);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next()
                        ? Optional.of(new DataKey(rs.getObject(1, UUID.class), unwrap(rs.getBytes(2))))
                        : Optional.empty();
            }
        }
    }

    /**
     * Destroys the subject's key, in the caller's transaction. Every event encrypted with it becomes unreadable,
     * here at once and on other instances within the key cache's time to live.
     *
     * @return whether there was a key
     */
    public boolean destroy(Connection connection, String subject) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM data_key WHERE subject = ? RETURNING key_id")) {
            delete.setString(1, subject);
            try (ResultSet rs = delete.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    forget(rs.getObject(1, UUID.class));
                }
                return any;
            }
        }
    }

    private synchronized void forget(UUID keyId) {
        cache.put(keyId, new Cached(Optional.empty(), Instant.MAX));
    }

    byte[] encrypt(DataKey key, String stream, long sequence, byte[] plaintext) {
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(stream, sequence));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + KEY_ID_LENGTH + IV_LENGTH + sealed.length)
                    .put(FORMAT)
                    .putLong(key.id().getMostSignificantBits()).putLong(key.id().getLeastSignificantBits())
                    .put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * The stored payload's content, or empty when its key was destroyed (erased). A payload that is not
     * encrypted is returned as it is.
     */
    public Optional<byte[]> decrypt(String stream, long sequence, byte[] stored) {
        if (stored.length == 0 || stored[0] != FORMAT) {
            return Optional.of(stored);
        }
        ByteBuffer in = ByteBuffer.wrap(stored);
        in.get();
        UUID keyId = new UUID(in.getLong(), in.getLong());
        byte[] iv = new byte[IV_LENGTH];
        in.get(iv);
        Optional<SecretKey> key = key(keyId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(stream, sequence));
            return Optional.of(cipher.doFinal(stored, in.position(), stored.length - in.position()));
        } catch (GeneralSecurityException e) {
            // no content in the message: the integrity check names the row
            throw new IllegalStateException("a stored event does not decrypt: it was altered or moved", e);
        }
    }

    private Optional<SecretKey> key(UUID keyId) {
        Instant now = clock.instant();
        synchronized (this) {
            Cached cached = cache.get(keyId);
            if (cached != null && (cached.key().isEmpty() || cached.loadedAt().plus(cacheTtl).isAfter(now))) {
                return cached.key();
            }
        }
        Optional<SecretKey> loaded = load(keyId);
        synchronized (this) {
            cache.put(keyId, new Cached(loaded, loaded.isPresent() ? now : Instant.MAX));
        }
        return loaded;
    }

    private Optional<SecretKey> load(UUID keyId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT wrapped FROM data_key WHERE key_id = ?")) {
            query.setObject(1, keyId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(unwrap(rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("data keys cannot be read", e);
        }
    }

    private static byte[] associatedData(String stream, long sequence) {
        return (stream + '#' + sequence).getBytes(StandardCharsets.UTF_8);
    }

    private SecretKey newKey() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, random);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is not available", e);
        }
    }

    private byte[] wrap(SecretKey key) {
        byte[] iv = new byte[IV_LENGTH];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(key.getEncoded());
            return ByteBuffer.allocate(IV_LENGTH + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a data key failed", e);
        }
    }

    private SecretKey unwrap(byte[] wrapped) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(TAG_BITS, wrapped, 0, IV_LENGTH));
            return new SecretKeySpec(cipher.doFinal(wrapped, IV_LENGTH, wrapped.length - IV_LENGTH), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a data key does not unwrap: the master key is not the one it was made with", e);
        }
    }
}
