/** Benchmarks: the ledger against the raw MongoDB driver, and the programme report and register over HTTP. */
package org.roundtable.benchmarks;
