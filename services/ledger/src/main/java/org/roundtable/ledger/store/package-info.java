/** The storage engine: commit documents, global positions, ordered tracking, snapshots. */
package org.roundtable.ledger.store;
