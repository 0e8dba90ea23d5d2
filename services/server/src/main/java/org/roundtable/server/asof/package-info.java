/** Read models as they stood at an earlier ledger position, rebuilt by replay, and the position every live report reflects. */
package org.roundtable.server.asof;
