/** A tenant's history as a signed NDJSON export, its offline verification, and importing it into another ledger. */
package org.roundtable.audit.export;
