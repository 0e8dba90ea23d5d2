package org.roundtable.partnerships.command;

import java.util.Optional;
import java.util.Set;

/** What a partnership's rules need to know about a participant of the same tenant. */
public interface ParticipantLookup {

    /** The participant as a possible partner; empty if the tenant has no such participant. */
    Optional<Candidate> find(String tenantId, String participantId);

    /** A possible partner: only what the rules need, no personal data. */
    record Candidate(String participantId, boolean erased, Set<String> reachGroups, Set<String> consentsInForce) {

        public Candidate {
            reachGroups = Set.copyOf(reachGroups);
            consentsInForce = Set.copyOf(consentsInForce);
        }
    }
}
