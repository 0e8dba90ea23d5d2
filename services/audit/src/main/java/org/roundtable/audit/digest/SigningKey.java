package org.roundtable.audit.digest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The instance's Ed25519 key for digests and exports: from configuration (PKCS8, base64 or PEM), or in the
 * local default generated once and kept in a PEM file readable by its owner only.
 */
public final class SigningKey {

    public static final String ALGORITHM = "Ed25519";
    private static final String PEM_PRIVATE = "PRIVATE KEY";

    private final KeyPair pair;

    private SigningKey(KeyPair pair) {
        this.pair = pair;
    }

    public static SigningKey generate() {
        try {
            return new SigningKey(KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks Ed25519", e);
        }
    }

    /** A key from PKCS8 bytes, given as base64 or as a PEM {@code PRIVATE KEY} block. */
    public static SigningKey fromPkcs8(String base64OrPem) {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(Signatures.pemBody(base64OrPem, PEM_PRIVATE));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The digest signing key is not base64 PKCS8 (nor PEM)");
        }
        try {
            PrivateKey privateKey = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
            return new SigningKey(new KeyPair(publicKeyOf(privateKey), privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The digest signing key is not an Ed25519 PKCS8 private key");
        }
    }

    /** The key kept in {@code file}, created there (owner-only) when it does not exist yet. */
    public static SigningKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return fromPkcs8(Files.readString(file, StandardCharsets.US_ASCII));
            }
            SigningKey key = generate();
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "digest-signing-key", ".tmp");
            try {
                restrictToOwner(temp);
                Files.writeString(temp, key.privateKeyPem(), StandardCharsets.US_ASCII);
                try {
                    Files.move(temp, file);
                } catch (FileAlreadyExistsException raced) {
                    // another instance on the same data directory created it first: use theirs
                    return fromPkcs8(Files.readString(file, StandardCharsets.US_ASCII));
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the digest signing key file " + file, e);
        }
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(pair.getPrivate());
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    public String publicKeyPem() {
        return Signatures.pem("PUBLIC KEY", pair.getPublic().getEncoded());
    }

    String privateKeyPem() {
        return Signatures.pem(PEM_PRIVATE, pair.getPrivate().getEncoded());
    }

    /**
     * The JDK cannot derive an Ed25519 public key from a private one directly, but its key generator derives
     * the pair from 32 random bytes: handing it the private key's seed as those bytes yields the same pair.
     */
    private static PublicKey publicKeyOf(PrivateKey privateKey) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("The private key hides its bytes"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
        generator.initialize(255, new SeedRandom(seed));
        KeyPair derived = generator.generateKeyPair();
        if (!Arrays.equals(derived.getPrivate().getEncoded(), privateKey.getEncoded())) {
            throw new GeneralSecurityException("Could not derive the public key");
        }
        return derived.getPublic();
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits its directory's access rules
        }
    }

    /** Hands out a fixed seed once; anything else asked of it is a misuse. */
    private static final class SeedRandom extends SecureRandom {

        private final byte[] seed;
        private boolean used;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public synchronized void nextBytes(byte[] bytes) {
            if (used || bytes.length != seed.length) {
                throw new IllegalStateException("The seed source was asked for more than one Ed25519 seed");
            }
            used = true;
            System.arraycopy(seed, 0, bytes, 0, seed.length);
        }
    }
}
