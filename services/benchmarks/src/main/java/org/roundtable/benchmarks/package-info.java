/** Measures the ledger under Axon against the raw MongoDB driver on the embedded server; reports ratios, gates nothing. */
package org.roundtable.benchmarks;
