/** Proof that N identical server JVMs over one MongoDB share the work, fail over and stay consistent. */
package org.roundtable.scaleout;
