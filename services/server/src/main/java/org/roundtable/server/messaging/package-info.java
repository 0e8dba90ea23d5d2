/** Axon wiring: tenant and actor metadata on every dispatched message and on every event. */
package org.roundtable.server.messaging;
