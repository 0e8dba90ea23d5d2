/** Rebuilding a read model by resetting its streaming processor to the start of the ledger, and its progress. */
package org.roundtable.audit.replay;
