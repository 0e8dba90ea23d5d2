package org.roundtable.partnerships.command;

/**
 * The set of pairs that have an active partnership: a pair of participants of a tenant can hold one
 * active partnership at a time. Both calls join the running unit of work, so a refused formation
 * claims nothing and an end releases the pair in the same commit.
 */
public interface PairRegistry {

    /** Claims the pair for the partnership; refuses (409) if the pair has another active partnership. */
    void claim(String tenantId, String firstPartnerId, String secondPartnerId, String partnershipId);

    /** Releases the pair the partnership held. */
    void release(String tenantId, String firstPartnerId, String secondPartnerId, String partnershipId);
}
