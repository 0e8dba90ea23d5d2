package org.roundtable.participants.command;

/** What a participant's rules need to know about other aggregates of the same tenant. */
public interface ReferenceChecks {

    /** Whether the tenant has defined this reach group. */
    boolean reachGroupDefined(String tenantId, String code);

    /** Whether the participant exists in this tenant and has not been erased, so may be a guardian. */
    boolean activeParticipant(String tenantId, String participantId);
}
