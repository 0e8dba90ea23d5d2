package org.roundtable.ledger.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import javax.crypto.SecretKey;

/**
 * The 32-byte key that wraps every data subject's key. Whoever holds it and the database can read
 * all personal data, so it lives outside the database: in configuration, or for the local default in
 * an owner-only file next to the data.
 */
public final class MasterKey {

    private final byte[] key;

    private MasterKey(byte[] key) {
        if (key.length != Aead.KEY_BYTES) {
            throw new IllegalArgumentException("The master key must be 32 bytes (AES-256), got " + key.length);
        }
        this.key = key.clone();
    }

    public static MasterKey of(byte[] key) {
        return new MasterKey(key);
    }

    /** @param base64 standard Base64 of 32 random bytes, e.g. from {@code openssl rand -base64 32} */
    public static MasterKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("The master key is empty; expected Base64 of 32 bytes");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            // the message of the cause could quote key material, so it is not passed on
            throw new IllegalArgumentException("The master key is not valid Base64");
        }
        return new MasterKey(decoded);
    }

    /** A fresh random key, for tests and for {@link #loadOrCreate(Path)}. */
    public static MasterKey generate() {
        return new MasterKey(Aead.newKey().getEncoded());
    }

    /**
     * Reads the key from {@code file}, or creates the file with a new random key readable only by its
     * owner (0600 where the file system has POSIX permissions) when it does not exist yet.
     */
    public static MasterKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            }
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            MasterKey created = generate();
            try {
                // CREATE_NEW with the permissions set at creation: the key is never world-readable, not even briefly
                Files.writeString(createOwnerOnly(file), created.toBase64(), StandardCharsets.US_ASCII,
                        StandardOpenOption.WRITE, StandardOpenOption.SYNC);
                return created;
            } catch (FileAlreadyExistsException raced) {
                return fromBase64(Files.readString(file, StandardCharsets.US_ASCII));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + file, e);
        }
    }

    private static Path createOwnerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            return Files.createFile(file, ownerOnly);
        }
        return Files.createFile(file);
    }

    String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    SecretKey secretKey() {
        return Aead.key(key);
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }
}
