package org.roundtable.audit.export;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bson.Document;

/**
 * The keys section of an export that carries the tenant's per-person keys to another instance.
 *
 * <p>Each person's AES-256 key is wrapped with AES-256-GCM under a transfer key derived from a passphrase the
 * operator chooses for this one transfer (PBKDF2-HMAC-SHA256, a random salt, {@value #ITERATIONS} iterations);
 * the associated data binds each wrapped key to the format, the tenant and the person, so a key cannot be moved
 * to another person or tenant, and a {@code check} value lets a wrong passphrase be told apart before anything
 * is written. Erased people have no key any more: they are listed by id only, so they stay erased where the
 * export is imported. The section is covered by the export's signature (its SHA-256 is in the signed trailer).
 *
 * <pre>
 * {"keys":{"format":"roundtable-keys-v1","kdf":"PBKDF2WithHmacSHA256","iterations":600000,"salt":"..",
 *          "cipher":"AES-256-GCM","check":"..","subjects":[{"s":"&lt;subject id&gt;","k":"&lt;iv+ciphertext&gt;"}],
 *          "erased":["&lt;subject id&gt;"]}}
 * </pre>
 */
public final class TransferKeys {

    public static final String LINE = "keys";
    public static final String FORMAT = "roundtable-keys-v1";
    public static final String KDF = "PBKDF2WithHmacSHA256";
    public static final String CIPHER = "AES-256-GCM";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    public static final int ITERATIONS = 600_000;
    public static final int MIN_PASSPHRASE_LENGTH = 12;
    static final int MIN_ITERATIONS = 100_000;
    static final int MAX_ITERATIONS = 10_000_000;
    private static final int SALT_BYTES = 16;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TransferKeys() {
    }

    /** The section could not be opened: wrong passphrase, altered or malformed. Names no key material. */
    public static final class Unreadable extends RuntimeException {
        public Unreadable(String message) {
            super(message);
        }
    }

    /** The keys and erasures a section carries. */
    public record Opened(Map<String, SecretKey> keys, Set<String> erased) {
    }

    /** Checks the passphrase's length; the message is safe to show. */
    public static void requireStrong(char[] passphrase) {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE_LENGTH) {
            throw new IllegalArgumentException("A transfer passphrase has at least " + MIN_PASSPHRASE_LENGTH + " characters");
        }
    }

    /** The section for these keys (subject id to key) and erased subjects, wrapped under the passphrase. */
    public static Document seal(char[] passphrase, String tenant, Map<String, SecretKey> keys, Collection<String> erased) {
        requireStrong(passphrase);
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        SecretKey transfer = derive(passphrase, salt, ITERATIONS);
        List<Document> subjects = new ArrayList<>();
        new TreeMap<>(keys).forEach((subject, key) -> subjects.add(new Document("s", subject)
                .append("k", base64(encrypt(transfer, key.getEncoded(), subjectData(tenant, subject))))));
        return new Document("format", FORMAT)
                .append("kdf", KDF)
                .append("iterations", ITERATIONS)
                .append("salt", base64(salt))
                .append("cipher", CIPHER)
                .append("check", base64(encrypt(transfer, FORMAT.getBytes(StandardCharsets.UTF_8), checkData(tenant))))
                .append("subjects", subjects)
                .append("erased", List.copyOf(new TreeSet<>(erased)));
    }

    /** Unwraps every key of the section, or fails without having unwrapped any for the caller. */
    public static Opened open(Document section, char[] passphrase, String tenant) {
        if (passphrase == null || passphrase.length == 0) {
            throw new Unreadable("The export carries personal data keys: a transfer passphrase is required to import it");
        }
        if (!FORMAT.equals(section.get("format")) || !KDF.equals(section.get("kdf")) || !CIPHER.equals(section.get("cipher"))) {
            throw new Unreadable("The keys section has an unknown format");
        }
        if (!(section.get("iterations") instanceof Number n) || n.intValue() < MIN_ITERATIONS || n.intValue() > MAX_ITERATIONS) {
            throw new Unreadable("The keys section's iteration count is out of range");
        }
        SecretKey transfer = derive(passphrase, bytes(section.get("salt")), n.intValue());
        try {
            decrypt(transfer, bytes(section.get("check")), checkData(tenant));
        } catch (GeneralSecurityException e) {
            throw new Unreadable("The transfer passphrase does not open the export's keys (or the keys section was altered)");
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        Set<String> erased = new TreeSet<>();
        try {
            for (Object item : section.getList("subjects", Object.class)) {
                if (!(item instanceof Document subject) || !(subject.get("s") instanceof String id) || id.isBlank()) {
                    throw new Unreadable("The keys section holds a malformed subject");
                }
                byte[] raw;
                try {
                    raw = decrypt(transfer, bytes(subject.get("k")), subjectData(tenant, id));
                } catch (GeneralSecurityException e) {
                    throw new Unreadable("The key of data subject " + id + " was altered or belongs to another transfer");
                }
                if (raw.length != 32 || keys.put(id, new SecretKeySpec(raw, "AES")) != null) {
                    throw new Unreadable("The keys section holds a malformed or repeated key for data subject " + id);
                }
            }
            for (Object item : section.getList("erased", Object.class)) {
                if (!(item instanceof String id) || id.isBlank() || keys.containsKey(id)) {
                    throw new Unreadable("The keys section lists a malformed erased subject, or one that also has a key");
                }
                erased.add(id);
            }
        } catch (ClassCastException | NullPointerException e) {
            throw new Unreadable("The keys section is malformed");
        }
        return new Opened(keys, erased);
    }

    private static SecretKey derive(char[] passphrase, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(passphrase, salt, iterations, 256);
        try {
            byte[] raw = SecretKeyFactory.getInstance(KDF).generateSecret(spec).getEncoded();
            return new SecretKeySpec(raw, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks " + KDF, e);
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] encrypt(SecretKey key, byte[] plaintext, byte[] associated) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    private static byte[] decrypt(SecretKey key, byte[] ivAndCiphertext, byte[] associated) throws GeneralSecurityException {
        if (ivAndCiphertext.length < IV_BYTES + TAG_BITS / 8) {
            throw new GeneralSecurityException("too short");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ivAndCiphertext, 0, IV_BYTES));
        cipher.updateAAD(associated);
        return cipher.doFinal(ivAndCiphertext, IV_BYTES, ivAndCiphertext.length - IV_BYTES);
    }

    private static byte[] subjectData(String tenant, String subject) {
        return (FORMAT + "\n" + tenant + "\n" + subject).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] checkData(String tenant) {
        return (FORMAT + "\n" + tenant + "\ncheck").getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] bytes(Object base64) {
        if (!(base64 instanceof String text)) {
            throw new Unreadable("The keys section is malformed");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("The keys section is malformed");
        }
    }
}
