/** The network record: one document per network, readable by its member tenants, and the views folded from it. */
package org.roundtable.networks.query;
