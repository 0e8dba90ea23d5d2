package org.roundtable.partnerships.api;

import org.axonframework.serialization.Revision;

/** The pair index: the pair's active partnership ended, so the pair may form another. */
@Revision("1")
public record PartnerPairReleased(String pairId, String partnershipId) {
}
