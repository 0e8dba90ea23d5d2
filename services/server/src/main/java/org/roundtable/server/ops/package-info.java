/** Operational wiring: health of the store as probes see it. */
package org.roundtable.server.ops;
