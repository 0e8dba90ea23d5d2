/** Sealing of the ledger into a SHA-256 hash chain in position order, and verification of the stored events against it. */
package org.roundtable.ledger.seal;
