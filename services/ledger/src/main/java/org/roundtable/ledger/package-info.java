/** The event ledger: Axon event storage on MongoDB with one total order, sealing and per-person encryption. */
package org.roundtable.ledger;
