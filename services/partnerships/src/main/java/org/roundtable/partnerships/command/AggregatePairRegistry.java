package org.roundtable.partnerships.command;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Keeps the pair index in {@link PartnerPair} aggregates, loaded inside the partnership's unit of work. */
@Component
class AggregatePairRegistry implements PairRegistry {

    // Lazy: the Axon configuration is built after the beans that command handlers resolve.
    private final ObjectProvider<Configuration> axon;

    AggregatePairRegistry(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    @Override
    public void claim(String tenantId, String firstPartnerId, String secondPartnerId, String partnershipId) {
        String pairId = PartnerPair.idOf(tenantId, firstPartnerId, secondPartnerId);
        try {
            pairs().loadOrCreate(pairId, PartnerPair::new)
                    .execute(pair -> pair.claim(pairId, tenantId, partnershipId));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not load the pair index", e);
        }
    }

    @Override
    public void release(String tenantId, String firstPartnerId, String secondPartnerId, String partnershipId) {
        try {
            pairs().load(PartnerPair.idOf(tenantId, firstPartnerId, secondPartnerId))
                    .execute(pair -> pair.release(partnershipId));
        } catch (AggregateNotFoundException e) {
            // a partnership always claims its pair when formed; nothing to release otherwise
        }
    }

    private Repository<PartnerPair> pairs() {
        return axon.getObject().repository(PartnerPair.class);
    }
}
