/** Per-person encryption of personal data in stored messages: subject keys wrapped by a master key, erasure by key deletion. */
package org.roundtable.ledger.crypto;
