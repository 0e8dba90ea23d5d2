package org.roundtable.participants.api;

import java.util.Set;
import org.axonframework.serialization.Revision;

/** Reach groups were removed from a participant because the consent they depend on was withdrawn. */
@Revision("1")
public record ReachGroupsDropped(String participantId, Set<String> reachGroups, String withdrawnPurpose) {

    public ReachGroupsDropped {
        reachGroups = Set.copyOf(reachGroups);
    }
}
