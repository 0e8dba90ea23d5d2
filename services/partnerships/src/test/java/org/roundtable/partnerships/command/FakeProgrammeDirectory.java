package org.roundtable.partnerships.command;

import java.util.HashSet;
import java.util.Set;

/** Programmes the test declares, standing in for the programmes context. */
class FakeProgrammeDirectory implements ProgrammeDirectory {

    private final Set<String> programmes = new HashSet<>();

    FakeProgrammeDirectory with(String tenantId, String programmeId) {
        programmes.add(tenantId + ":" + programmeId);
        return this;
    }

    @Override
    public boolean exists(String tenantId, String programmeId) {
        return programmes.contains(tenantId + ":" + programmeId);
    }
}
