/** Ed25519 signing of the ledger's chain head (digests) and of exports, and checking those signatures. */
package org.roundtable.audit.digest;
