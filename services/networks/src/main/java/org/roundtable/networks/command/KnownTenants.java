package org.roundtable.networks.command;

/** The port that tells whether a tenant exists on this instance, so only real agencies become tenant members. */
public interface KnownTenants {

    boolean exists(String tenantId);
}
