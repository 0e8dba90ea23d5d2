package org.roundtable.partnerships.command;

import java.util.HashMap;
import java.util.Map;
import org.roundtable.kernel.DomainException;

/** An in-memory pair index that behaves like the aggregate one, for the fixture tests. */
class FakePairRegistry implements PairRegistry {

    final Map<String, String> active = new HashMap<>();

    @Override
    public void claim(String tenantId, String firstPartnerId, String secondPartnerId, String partnershipId) {
        String pair = PartnerPair.idOf(tenantId, firstPartnerId, secondPartnerId);
        String holder = active.get(pair);
        if (holder != null && !holder.equals(partnershipId)) {
            throw DomainException.conflict("these two participants already have an active partnership");
        }
        active.put(pair, partnershipId);
    }

    @Override
    public void release(String tenantId, String firstPartnerId, String secondPartnerId, String partnershipId) {
        active.remove(PartnerPair.idOf(tenantId, firstPartnerId, secondPartnerId), partnershipId);
    }
}
