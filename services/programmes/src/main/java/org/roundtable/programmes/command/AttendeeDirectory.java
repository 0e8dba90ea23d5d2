package org.roundtable.programmes.command;

import java.util.Collection;
import java.util.Map;

/** What the register's rules need to know about participants; implemented over the participant facts read model. */
public interface AttendeeDirectory {

    /** The facts of those of {@code participantIds} who are participants of the tenant; others are absent. */
    Map<String, AttendeeFacts> find(String tenantId, Collection<String> participantIds);
}
