package org.roundtable.networks.command;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.roundtable.networks.api.ActionItemOpened;
import org.roundtable.networks.api.ActionItemProgressed;
import org.roundtable.networks.api.ActionItemStatus;

/** An action item: owned by a member, due on a day, moved through its statuses. */
class ActionItem {

    @EntityId
    private final String actionItemId;
    private final String ownerMemberId;
    private final String description;
    private final LocalDate dueOn;
    private final LocalDate openedOn;
    private ActionItemStatus status = ActionItemStatus.OPEN;

    ActionItem(ActionItemOpened event, LocalDate openedOn) {
        this.actionItemId = event.actionItemId();
        this.ownerMemberId = event.ownerMemberId();
        this.description = event.description();
        this.dueOn = event.dueOn();
        this.openedOn = openedOn;
    }

    @EventSourcingHandler
    void on(ActionItemProgressed event) {
        status = event.status();
    }

    String actionItemId() {
        return actionItemId;
    }

    String ownerMemberId() {
        return ownerMemberId;
    }

    String description() {
        return description;
    }

    LocalDate dueOn() {
        return dueOn;
    }

    LocalDate openedOn() {
        return openedOn;
    }

    ActionItemStatus status() {
        return status;
    }

    /** Value equality, so that Axon's test fixture can compare the state its handlers source. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ActionItem other && Objects.equals(actionItemId, other.actionItemId) && Objects.equals(ownerMemberId, other.ownerMemberId) && Objects.equals(description, other.description) && Objects.equals(dueOn, other.dueOn) && Objects.equals(openedOn, other.openedOn) && Objects.equals(status, other.status);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actionItemId);
    }
}
