/** Tenants (agencies) on the shared instance, created by the platform operator. */
package org.roundtable.server.tenancy;
