package org.roundtable.networks.command;

import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.roundtable.networks.api.MemberAdmitted;
import org.roundtable.networks.api.MemberLeft;
import org.roundtable.networks.api.MemberRoleChanged;

/** A member of a network: a tenant on this instance or an outside organisation. */
class Member {

    @EntityId
    private final String memberId;
    private final String tenantId;
    private final String organisation;
    private String role;
    private LocalDate admittedOn;
    private boolean active;

    Member(MemberAdmitted event) {
        this.memberId = event.memberId();
        this.tenantId = event.tenantId();
        this.organisation = event.organisation();
        this.role = event.role();
        this.admittedOn = event.admittedOn();
        this.active = true;
    }

    @EventSourcingHandler
    void on(MemberAdmitted event) {
        // a re-admission of a former member
        role = event.role();
        admittedOn = event.admittedOn();
        active = true;
    }

    @EventSourcingHandler
    void on(MemberRoleChanged event) {
        role = event.role();
    }

    @EventSourcingHandler
    void on(MemberLeft event) {
        active = false;
    }

    String memberId() {
        return memberId;
    }

    String tenantId() {
        return tenantId;
    }

    String organisation() {
        return organisation;
    }

    boolean isTenant() {
        return tenantId != null;
    }

    boolean isTenant(String tenant) {
        return tenant.equals(tenantId);
    }

    String role() {
        return role;
    }

    LocalDate admittedOn() {
        return admittedOn;
    }

    boolean active() {
        return active;
    }

    /** Value equality, so that Axon's test fixture can compare the state its handlers source. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Member other && Objects.equals(memberId, other.memberId) && Objects.equals(tenantId, other.tenantId) && Objects.equals(organisation, other.organisation) && Objects.equals(role, other.role) && Objects.equals(admittedOn, other.admittedOn) && Objects.equals(active, other.active);
    }

    @Override
    public int hashCode() {
        return Objects.hash(memberId);
    }
}
