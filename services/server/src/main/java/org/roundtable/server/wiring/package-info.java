/** Adapters that connect one context's ports to another context or to the ledger. */
package org.roundtable.server.wiring;
