/** The operator's tenants API under {@code /api/tenants}. */
package org.roundtable.server.tenancy.web;
