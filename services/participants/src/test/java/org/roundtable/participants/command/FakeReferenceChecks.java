package org.roundtable.participants.command;

import java.util.HashSet;
import java.util.Set;

/** Reference checks over sets the test fills in, instead of the other aggregates' repositories. */
class FakeReferenceChecks implements ReferenceChecks {

    private final Set<String> reachGroups = new HashSet<>();
    private final Set<String> activeParticipants = new HashSet<>();

    FakeReferenceChecks withReachGroup(String tenantId, String code) {
        reachGroups.add(tenantId + ":" + code);
        return this;
    }

    FakeReferenceChecks withActiveParticipant(String tenantId, String participantId) {
        activeParticipants.add(tenantId + ":" + participantId);
        return this;
    }

    @Override
    public boolean reachGroupDefined(String tenantId, String code) {
        return reachGroups.contains(tenantId + ":" + code);
    }

    @Override
    public boolean activeParticipant(String tenantId, String participantId) {
        return activeParticipants.contains(tenantId + ":" + participantId);
    }
}
