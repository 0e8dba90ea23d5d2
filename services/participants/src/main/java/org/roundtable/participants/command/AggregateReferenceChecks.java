package org.roundtable.participants.command;

import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.roundtable.participants.api.DefineReachGroup;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Answers reference checks by loading the referenced aggregates from their repositories inside the
 * running unit of work, so the answer reflects the event store, not a lagging read model.
 */
@Component
class AggregateReferenceChecks implements ReferenceChecks {

    // Lazy: the Axon configuration is built after the beans that command handlers resolve.
    private final ObjectProvider<Configuration> axon;

    AggregateReferenceChecks(ObjectProvider<Configuration> axon) {
        this.axon = axon;
    }

    @Override
    public boolean reachGroupDefined(String tenantId, String code) {
        try {
            return axon.getObject().repository(ReachGroup.class)
                    .load(DefineReachGroup.idOf(tenantId, code))
                    .invoke(group -> group.belongsTo(tenantId));
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }

    @Override
    public boolean activeParticipant(String tenantId, String participantId) {
        try {
            return axon.getObject().repository(Participant.class)
                    .load(participantId)
                    .invoke(participant -> participant.isActiveIn(tenantId));
        } catch (AggregateNotFoundException e) {
            return false;
        }
    }
}
