package org.roundtable.partnerships.command;

/**
 * What a partnership needs to know about programmes, which live in another context. Implemented by
 * the application (it can see the programmes context); a fake in tests.
 */
public interface ProgrammeDirectory {

    /** Whether the tenant has this programme; another tenant's programme must answer false. */
    boolean exists(String tenantId, String programmeId);
}
