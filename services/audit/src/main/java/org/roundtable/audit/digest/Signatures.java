package org.roundtable.audit.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.roundtable.audit.api.SignedDigest;

/**
 * The exact bytes that are signed, and checking signatures over them. Kept in one place so the server and
 * the offline command-line verifier cannot drift apart.
 *
 * <ul>
 *   <li>digest: {@code roundtable-digest-v1\n<position>\n<chainHead>\n<signedAt ISO-8601>\n}</li>
 *   <li>export trailer: {@code roundtable-export-v1\n<tenant>\n<commits>\n<events>\n<throughPosition>\n<chainHead>\n<exportedAt>\n<sha256>\n<lastLineSha256>\n}</li>
 *   <li>export trailer with keys: the same starting {@code roundtable-export-v2}, then {@code <keysSha256>\n}</li>
 * </ul>
 */
public final class Signatures {

    public static final String DIGEST_FORMAT = "roundtable-digest-v1";
    public static final String EXPORT_FORMAT = "roundtable-export-v1";
    /** An export that also carries the tenant's wrapped per-person keys in a keys line before the trailer. */
    public static final String EXPORT_WITH_KEYS_FORMAT = "roundtable-export-v2";

    private Signatures() {
    }

    public static byte[] digestMessage(long position, String chainHead, Instant signedAt) {
        return (DIGEST_FORMAT + "\n" + position + "\n" + chainHead + "\n" + signedAt + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] exportMessage(String tenant, long commits, long events, long throughPosition, String chainHead,
                                       String exportedAt, String sha256, String lastLineSha256) {
        return (EXPORT_FORMAT + "\n" + tenant + "\n" + commits + "\n" + events + "\n" + throughPosition + "\n"
                + chainHead + "\n" + exportedAt + "\n" + sha256 + "\n" + lastLineSha256 + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The trailer's bytes of an export with a keys line whose SHA-256 (hex, over its bytes without the newline) is given. */
    public static byte[] exportWithKeysMessage(String tenant, long commits, long events, long throughPosition, String chainHead,
                                               String exportedAt, String sha256, String lastLineSha256, String keysSha256) {
        return (EXPORT_WITH_KEYS_FORMAT + "\n" + tenant + "\n" + commits + "\n" + events + "\n" + throughPosition + "\n"
                + chainHead + "\n" + exportedAt + "\n" + sha256 + "\n" + lastLineSha256 + "\n" + keysSha256 + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Whether the digest's signature is valid under {@code key}. */
    public static boolean verifyDigest(SignedDigest digest, PublicKey key) {
        return verify(key, digestMessage(digest.position(), digest.chainHead(), digest.signedAt()), digest.signature());
    }

    /** Whether {@code signatureBase64} is a valid Ed25519 signature of {@code message} under {@code key}. */
    public static boolean verify(PublicKey key, byte[] message, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(SigningKey.ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false;
        }
    }

    /** An Ed25519 public key given as base64 X.509 or as a PEM {@code PUBLIC KEY} block. */
    public static PublicKey publicKey(String base64OrPem) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(pemBody(base64OrPem, "PUBLIC KEY"));
            return KeyFactory.getInstance(SigningKey.ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an Ed25519 public key (base64 X.509 or PEM)");
        }
    }

    public static String base64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    static String pemBody(String text, String label) {
        String trimmed = text.strip();
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int from = trimmed.indexOf(begin);
        if (from < 0) {
            return trimmed;
        }
        int to = trimmed.indexOf(end, from);
        if (to < 0) {
            throw new IllegalArgumentException("PEM block without its end line");
        }
        return trimmed.substring(from + begin.length(), to).strip();
    }
}
