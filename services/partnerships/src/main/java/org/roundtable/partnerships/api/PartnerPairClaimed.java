package org.roundtable.partnerships.api;

import org.axonframework.serialization.Revision;

/** The pair index: a pair of participants now has an active partnership. */
@Revision("1")
public record PartnerPairClaimed(String pairId, String tenantId, String partnershipId) {
}
