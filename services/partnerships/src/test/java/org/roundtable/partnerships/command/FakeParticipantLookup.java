package org.roundtable.partnerships.command;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Participants the test registers, instead of the participant directory. */
class FakeParticipantLookup implements ParticipantLookup {

    private final Map<String, Candidate> participants = new HashMap<>();

    FakeParticipantLookup with(String tenantId, String participantId, Set<String> reachGroups, Set<String> consents) {
        participants.put(tenantId + ":" + participantId, new Candidate(participantId, false, reachGroups, consents));
        return this;
    }

    FakeParticipantLookup withErased(String tenantId, String participantId) {
        participants.put(tenantId + ":" + participantId, new Candidate(participantId, true, Set.of(), Set.of()));
        return this;
    }

    @Override
    public Optional<Candidate> find(String tenantId, String participantId) {
        return Optional.ofNullable(participants.get(tenantId + ":" + participantId));
    }
}
