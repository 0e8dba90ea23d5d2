/** Application tests of read models as of an earlier ledger position, and of the position live reports name. */
package org.roundtable.server.asof;
