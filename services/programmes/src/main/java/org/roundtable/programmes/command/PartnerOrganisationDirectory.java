package org.roundtable.programmes.command;

/**
 * The partner registry (built by the partnerships context), as activities need it. The server
 * implements it; without an implementation every organisation id is accepted.
 */
public interface PartnerOrganisationDirectory {

    /** Whether the tenant has this partner organisation and it is active. */
    boolean isActive(String tenantId, String organisationId);
}
