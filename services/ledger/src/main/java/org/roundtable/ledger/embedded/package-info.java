/** The embedded default store: an in-process MongoDB wire-protocol server on loopback. */
package org.roundtable.ledger.embedded;
