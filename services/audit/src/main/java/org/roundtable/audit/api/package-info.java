/** What the audit context answers with: history pages, verification reports, signed digests and replay status. */
package org.roundtable.audit.api;
