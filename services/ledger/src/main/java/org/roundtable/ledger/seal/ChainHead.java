package org.roundtable.ledger.seal;

/**
 * The sealed end of the ledger: every position up to and including {@code position} is sealed, and
 * {@code chain} (hex SHA-256) commits to all of them. Signing this pair commits to the whole history.
 */
public record ChainHead(long position, String chain, long sealedCommits) {
}
