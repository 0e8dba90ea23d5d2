/** The event-sourced tenant aggregate. */
package org.roundtable.server.tenancy.command;
