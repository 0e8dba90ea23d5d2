package org.roundtable.networks.command;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.Objects;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;
import org.roundtable.networks.api.AgendaItem;
import org.roundtable.networks.api.DecisionRecorded;
import org.roundtable.networks.api.MeetingHeld;
import org.roundtable.networks.api.MeetingScheduled;
import org.roundtable.networks.api.MinutesAmended;
import org.roundtable.networks.api.MinutesApproved;
import org.roundtable.networks.api.MinutesRevised;

/** A meeting of a network. It keeps only what its rules need; the minutes' text lives in the events. */
class Meeting {

    @EntityId
    private final String meetingId;
    private final LocalDate date;
    private final Set<String> agendaItemIds = new HashSet<>();
    private final Set<String> amendmentIds = new HashSet<>();
    private final Set<String> decisionIds = new HashSet<>();
    private boolean held;
    private boolean hasMinutes;
    private boolean minutesApproved;

    Meeting(MeetingScheduled event) {
        this.meetingId = event.meetingId();
        this.date = event.date();
        for (AgendaItem item : event.agenda()) {
            agendaItemIds.add(item.agendaItemId());
        }
    }

    @EventSourcingHandler
    void on(MeetingHeld event) {
        held = true;
        hasMinutes = event.minutes() != null && !event.minutes().isBlank();
    }

    @EventSourcingHandler
    void on(MinutesRevised event) {
        hasMinutes = true;
    }

    @EventSourcingHandler
    void on(MinutesApproved event) {
        minutesApproved = true;
    }

    @EventSourcingHandler
    void on(MinutesAmended event) {
        amendmentIds.add(event.amendmentId());
    }

    @EventSourcingHandler
    void on(DecisionRecorded event) {
        decisionIds.add(event.decisionId());
    }

    String meetingId() {
        return meetingId;
    }

    LocalDate date() {
        return date;
    }

    boolean held() {
        return held;
    }

    boolean hasMinutes() {
        return hasMinutes;
    }

    boolean minutesApproved() {
        return minutesApproved;
    }

    boolean onAgenda(String agendaItemId) {
        return agendaItemIds.contains(agendaItemId);
    }

    boolean hasAmendment(String amendmentId) {
        return amendmentIds.contains(amendmentId);
    }

    boolean hasDecision(String decisionId) {
        return decisionIds.contains(decisionId);
    }

    /** Value equality, so that Axon's test fixture can compare the state its handlers source. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Meeting other && Objects.equals(meetingId, other.meetingId) && Objects.equals(date, other.date) && Objects.equals(agendaItemIds, other.agendaItemIds) && Objects.equals(amendmentIds, other.amendmentIds) && Objects.equals(decisionIds, other.decisionIds) && Objects.equals(held, other.held) && Objects.equals(hasMinutes, other.hasMinutes) && Objects.equals(minutesApproved, other.minutesApproved);
    }

    @Override
    public int hashCode() {
        return Objects.hash(meetingId);
    }
}
