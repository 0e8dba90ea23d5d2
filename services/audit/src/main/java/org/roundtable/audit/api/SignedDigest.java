package org.roundtable.audit.api;

import java.time.Instant;

/**
 * A signed statement that the ledger's hash chain had {@code chainHead} after {@code position}. The chain
 * is global, so it commits to the whole history of every tenant up to that position.
 *
 * @param id          the digest's identifier
 * @param position    the sealed position signed
 * @param chainHead   hex SHA-256 chain value after that position
 * @param signedAt    when it was signed (milliseconds)
 * @param algorithm   always {@code Ed25519}
 * @param signature   base64 signature over {@code roundtable-digest-v1\n<position>\n<chainHead>\n<signedAt>\n} (UTF-8)
 * @param publicKey   base64 X.509 (SubjectPublicKeyInfo) public key of the signer
 * @param requestedBy the actor who asked for it
 */
public record SignedDigest(String id, long position, String chainHead, Instant signedAt, String algorithm,
                           String signature, String publicKey, String requestedBy) {
}
