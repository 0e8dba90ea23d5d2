/** Application tests of the audit context over real HTTP: history, verification against tampering, digests and exports. */
package org.roundtable.server.audit;
