package org.roundtable.participants.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.participants.api.Consents;
import org.roundtable.participants.api.DefineReachGroup;
import org.roundtable.participants.api.ReachGroupDefined;

/** A tenant's reach group. Its id joins tenant and code, so a code is defined once per tenant. */
@Aggregate
class ReachGroup {

    static final int MAX_LABEL = 100;

    @AggregateIdentifier
    private String reachGroupId;
    private String tenantId;

    ReachGroup() {
    }

    @CommandHandler
    ReachGroup(DefineReachGroup command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        if (tenantId == null) {
            throw new IllegalStateException("command without tenant metadata");
        }
        if (!Consents.CODE.matcher(String.valueOf(command.code())).matches()) {
            throw DomainException.rule("reach-group code must match " + Consents.CODE_REGEX);
        }
        if (!DefineReachGroup.idOf(tenantId, command.code()).equals(command.reachGroupId())) {
            throw DomainException.rule("reach-group id does not match tenant and code");
        }
        String label = command.label() == null ? "" : command.label().strip();
        if (label.isEmpty() || label.length() > MAX_LABEL) {
            throw DomainException.rule("reach-group label must be 1-" + MAX_LABEL + " characters");
        }
        apply(new ReachGroupDefined(command.reachGroupId(), tenantId, command.code(), label));
    }

    @EventSourcingHandler
    void on(ReachGroupDefined event) {
        this.reachGroupId = event.reachGroupId();
        this.tenantId = event.tenantId();
    }

    boolean belongsTo(String tenant) {
        return tenantId.equals(tenant);
    }
}
