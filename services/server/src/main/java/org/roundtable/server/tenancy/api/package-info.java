/** Commands, events and queries about tenants. */
package org.roundtable.server.tenancy.api;
