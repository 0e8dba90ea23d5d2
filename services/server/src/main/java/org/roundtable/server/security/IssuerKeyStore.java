package org.roundtable.server.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded issuer's RSA signing key in a JWK file so that tokens stay valid across
 * restarts. A new key is generated only when the file does not exist; an unreadable file stops the
 * start rather than silently replacing the key.
 */
public final class IssuerKeyStore {

    private static final Logger log = LoggerFactory.getLogger(IssuerKeyStore.class);

    private IssuerKeyStore() {
    }

    public static RSAKey loadOrCreate(Path file) {
        if (Files.exists(file)) {
            try {
                RSAKey key = RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
                if (!key.isPrivate()) {
                    throw new IllegalStateException("The issuer key file holds no private key: " + file);
                }
                return key;
            } catch (IOException | ParseException e) {
                throw new IllegalStateException("Cannot read the issuer key file " + file, e);
            }
        }
        RSAKey key = generate();
        try {
            write(file, key);
        } catch (IOException e) {
            log.warn("Cannot store the issuer key at {}; tokens will not survive a restart", file);
        }
        return key;
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot generate the issuer key", e);
        }
    }

    private static void write(Path file, RSAKey key) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "issuer-key", ".tmp");
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(temporary, key.toJSONString(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
