package org.roundtable.audit.api;

/**
 * The key digests and exports are signed with.
 *
 * @param algorithm always {@code Ed25519}
 * @param publicKey base64 X.509 (SubjectPublicKeyInfo)
 * @param pem       the same as a PEM {@code PUBLIC KEY} block, ready to save for {@code verify --public-key}
 */
public record SigningPublicKey(String algorithm, String publicKey, String pem) {
}
