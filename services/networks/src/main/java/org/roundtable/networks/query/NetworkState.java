package org.roundtable.networks.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.roundtable.networks.api.ActionItemOpened;
import org.roundtable.networks.api.ActionItemProgressed;
import org.roundtable.networks.api.ActionItemStatus;
import org.roundtable.networks.api.AgendaItem;
import org.roundtable.networks.api.AmendmentView;
import org.roundtable.networks.api.Cadence;
import org.roundtable.networks.api.DecisionRecorded;
import org.roundtable.networks.api.FiguresShared;
import org.roundtable.networks.api.MeetingHeld;
import org.roundtable.networks.api.MeetingScheduled;
import org.roundtable.networks.api.MemberAdmitted;
import org.roundtable.networks.api.MemberLeft;
import org.roundtable.networks.api.MemberRoleChanged;
import org.roundtable.networks.api.MinutesAmended;
import org.roundtable.networks.api.MinutesApproved;
import org.roundtable.networks.api.MinutesRevised;
import org.roundtable.networks.api.NetworkEvent;
import org.roundtable.networks.api.NetworkFounded;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterFigures;
import org.roundtable.networks.api.QuarterReviewSigned;

/** A network's record folded from its journal up to some sequence number: the state every view is built from. */
final class NetworkState {

    String networkId;
    String name;
    String purpose;
    String chairTenantId;
    LocalDate foundedOn;
    Cadence cadence;
    long version = -1;
    final Map<String, MemberState> members = new LinkedHashMap<>();
    final Map<String, MeetingState> meetings = new LinkedHashMap<>();
    final Map<String, ItemState> items = new LinkedHashMap<>();
    final List<ShareState> shares = new ArrayList<>();
    final Map<Quarter, ReviewState> reviews = new HashMap<>();

    void apply(NetworkEvent event, long sequence, Long position, Instant at, String actor) {
        version = sequence;
        if (event instanceof NetworkFounded founded) {
            networkId = founded.networkId();
            name = founded.name();
            purpose = founded.purpose();
            chairTenantId = founded.chairTenantId();
            foundedOn = founded.foundedOn();
            cadence = founded.cadence();
        } else if (event instanceof MemberAdmitted admitted) {
            MemberState member = members.computeIfAbsent(admitted.memberId(), id -> new MemberState());
            member.memberId = admitted.memberId();
            member.tenantId = admitted.tenantId();
            member.organisation = admitted.organisation();
            member.role = admitted.role();
            member.admittedOn = admitted.admittedOn();
            member.leftOn = null;
        } else if (event instanceof MemberRoleChanged changed) {
            members.get(changed.memberId()).role = changed.role();
        } else if (event instanceof MemberLeft left) {
            members.get(left.memberId()).leftOn = left.leftOn();
        } else if (event instanceof MeetingScheduled scheduled) {
            MeetingState meeting = new MeetingState();
            meeting.meetingId = scheduled.meetingId();
            meeting.date = scheduled.date();
            meeting.place = scheduled.place();
            meeting.agenda = scheduled.agenda();
            meetings.put(meeting.meetingId, meeting);
        } else if (event instanceof MeetingHeld held) {
            MeetingState meeting = meetings.get(held.meetingId());
            meeting.held = true;
            meeting.present = held.present();
            meeting.absent = held.absent();
            meeting.minutes = held.minutes();
        } else if (event instanceof MinutesRevised revised) {
            meetings.get(revised.meetingId()).minutes = revised.minutes();
        } else if (event instanceof MinutesApproved approved) {
            meetings.get(approved.meetingId()).minutesApproved = true;
        } else if (event instanceof MinutesAmended amended) {
            meetings.get(amended.meetingId()).amendments.add(
                    new AmendmentView(amended.amendmentId(), amended.text(), at, actor));
        } else if (event instanceof DecisionRecorded decision) {
            meetings.get(decision.meetingId()).decisions.add(decision);
        } else if (event instanceof ActionItemOpened opened) {
            ItemState item = new ItemState();
            item.actionItemId = opened.actionItemId();
            item.meetingId = opened.meetingId();
            item.openedOn = meetings.get(opened.meetingId()).date;
            item.description = opened.description();
            item.ownerMemberId = opened.ownerMemberId();
            item.dueOn = opened.dueOn();
            items.put(item.actionItemId, item);
            meetings.get(opened.meetingId()).actionItemIds.add(item.actionItemId);
        } else if (event instanceof ActionItemProgressed progressed) {
            items.get(progressed.actionItemId()).history.add(
                    new Progress(progressed.status(), progressed.note(), at, actor));
        } else if (event instanceof FiguresShared shared) {
            // a later share for the same member, quarter and programme supersedes the earlier one
            shares.removeIf(share -> share.memberId.equals(shared.memberId()) && share.quarter.equals(shared.quarter())
                    && share.programmeId.equals(shared.programmeId()));
            ShareState share = new ShareState();
            share.memberId = shared.memberId();
            share.quarter = shared.quarter();
            share.programmeId = shared.programmeId();
            share.figures = shared.figures();
            share.at = at;
            share.by = actor;
            shares.add(share);
        } else if (event instanceof QuarterReviewSigned signed) {
            ReviewState review = new ReviewState();
            review.summary = signed.summary();
            review.signedOn = signed.signedOn();
            review.at = at;
            review.by = actor;
            review.sequence = sequence;
            review.position = position;
            reviews.put(signed.quarter(), review);
        }
    }

    String nameOf(String memberId) {
        MemberState member = members.get(memberId);
        return member == null ? memberId : member.name();
    }

    static final class MemberState {
        String memberId;
        String tenantId;
        String organisation;
        String role;
        LocalDate admittedOn;
        LocalDate leftOn;

        String name() {
            return organisation != null ? organisation : tenantId;
        }

        boolean memberDuring(LocalDate from, LocalDate to) {
            return !admittedOn.isAfter(to) && (leftOn == null || !leftOn.isBefore(from));
        }
    }

    static final class MeetingState {
        String meetingId;
        LocalDate date;
        String place;
        List<AgendaItem> agenda = List.of();
        boolean held;
        List<String> present = List.of();
        List<String> absent = List.of();
        String minutes;
        boolean minutesApproved;
        final List<AmendmentView> amendments = new ArrayList<>();
        final List<DecisionRecorded> decisions = new ArrayList<>();
        final List<String> actionItemIds = new ArrayList<>();

        String agendaTitle(String agendaItemId) {
            return agenda.stream().filter(item -> item.agendaItemId().equals(agendaItemId))
                    .map(AgendaItem::title).findFirst().orElse(null);
        }
    }

    record Progress(ActionItemStatus status, String note, Instant at, String by) {

        LocalDate on() {
            return LocalDate.ofInstant(at, ZoneOffset.UTC);
        }
    }

    static final class ItemState {
        String actionItemId;
        String meetingId;
        LocalDate openedOn;
        String description;
        String ownerMemberId;
        LocalDate dueOn;
        final List<Progress> history = new ArrayList<>();

        /** The status recorded by the end of {@code day}. */
        ActionItemStatus statusOn(LocalDate day) {
            ActionItemStatus status = ActionItemStatus.OPEN;
            for (Progress step : history) {
                if (!step.on().isAfter(day)) {
                    status = step.status();
                }
            }
            return status;
        }

        /** The day the item last became done, by the end of {@code day}; null if it was not done then. */
        LocalDate doneOn(LocalDate day) {
            LocalDate done = null;
            for (Progress step : history) {
                if (!step.on().isAfter(day)) {
                    done = step.status() == ActionItemStatus.DONE ? step.on() : null;
                }
            }
            return done;
        }

        boolean overdueOn(LocalDate day) {
            return statusOn(day).isOpen() && dueOn.isBefore(day);
        }
    }

    static final class ShareState {
        String memberId;
        Quarter quarter;
        String programmeId;
        QuarterFigures figures;
        Instant at;
        String by;
    }

    static final class ReviewState {
        String summary;
        LocalDate signedOn;
        Instant at;
        String by;
        long sequence;
        Long position;
    }
}
