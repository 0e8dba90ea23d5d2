package org.roundtable.partnerships.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DomainException;
import org.roundtable.partnerships.api.PartnerPairClaimed;
import org.roundtable.partnerships.api.PartnerPairReleased;

/**
 * The index entry for one pair of participants, keyed by tenant and the sorted pair. It makes the
 * "one active partnership per pair" rule race-safe: two formations for the same pair both write to
 * this aggregate, so one loses on the aggregate lock (one node) or on the ledger's unique
 * aggregate/sequence key (several nodes), and its whole unit of work, the partnership included, is
 * rolled back.
 */
@Aggregate
class PartnerPair {

    @AggregateIdentifier
    private String pairId;
    private String tenantId;
    private String activePartnershipId;

    PartnerPair() {
    }

    static String idOf(String tenantId, String firstPartnerId, String secondPartnerId) {
        boolean ordered = firstPartnerId.compareTo(secondPartnerId) <= 0;
        return tenantId + ":" + (ordered ? firstPartnerId : secondPartnerId) + ":"
                + (ordered ? secondPartnerId : firstPartnerId);
    }

    void claim(String id, String tenant, String partnershipId) {
        if (tenantId != null && !tenantId.equals(tenant)) {
            throw new IllegalStateException("pair index entry of another tenant");
        }
        if (activePartnershipId != null) {
            if (activePartnershipId.equals(partnershipId)) {
                return;
            }
            throw DomainException.conflict("these two participants already have an active partnership");
        }
        apply(new PartnerPairClaimed(id, tenant, partnershipId));
    }

    void release(String partnershipId) {
        if (partnershipId.equals(activePartnershipId)) {
            apply(new PartnerPairReleased(pairId, partnershipId));
        }
    }

    String activePartnership() {
        return activePartnershipId;
    }

    @EventSourcingHandler
    void on(PartnerPairClaimed event) {
        pairId = event.pairId();
        tenantId = event.tenantId();
        activePartnershipId = event.partnershipId();
    }

    @EventSourcingHandler
    void on(PartnerPairReleased event) {
        activePartnershipId = null;
    }
}
