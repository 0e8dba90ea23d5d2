package org.roundtable.networks.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.roundtable.networks.api.ActionItemStatus;
import org.roundtable.networks.api.ActionItemView;
import org.roundtable.networks.api.DecisionRecorded;
import org.roundtable.networks.api.DecisionView;
import org.roundtable.networks.api.FigureTotals;
import org.roundtable.networks.api.MeetingSummary;
import org.roundtable.networks.api.MeetingView;
import org.roundtable.networks.api.MemberAttendance;
import org.roundtable.networks.api.MemberView;
import org.roundtable.networks.api.NetworkView;
import org.roundtable.networks.api.OverdueActionItems;
import org.roundtable.networks.api.OwnerActionItems;
import org.roundtable.networks.api.ProgressView;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterFigures;
import org.roundtable.networks.api.QuarterOutcomes;
import org.roundtable.networks.api.ReachGroupFigure;
import org.roundtable.networks.api.ReachGroupTotal;
import org.roundtable.networks.api.ReviewView;
import org.roundtable.networks.api.SharedFigures;
import org.roundtable.networks.query.NetworkState.ItemState;
import org.roundtable.networks.query.NetworkState.MeetingState;
import org.roundtable.networks.query.NetworkState.MemberState;
import org.roundtable.networks.query.NetworkState.ShareState;

/** Builds the published views from a folded {@link NetworkState}; pure functions, no storage. */
final class NetworkViews {

    static final String SCHEDULED = "SCHEDULED";
    static final String HELD = "HELD";

    private NetworkViews() {
    }

    static NetworkView network(NetworkState state, LocalDate asOfLeaving) {
        List<MemberView> members = state.members.values().stream().map(NetworkViews::member).toList();
        List<MeetingSummary> meetings = meetingsWhere(state, meeting -> true);
        List<Quarter> reviewed = state.reviews.keySet().stream().sorted().toList();
        return new NetworkView(state.networkId, state.name, state.purpose, state.chairTenantId, state.foundedOn,
                state.cadence, members, meetings, reviewed, asOfLeaving, state.version);
    }

    static MeetingView meeting(NetworkState state, MeetingState meeting, LocalDate today) {
        List<ActionItemView> items = meeting.actionItemIds.stream()
                .map(id -> item(state, state.items.get(id), today)).toList();
        List<DecisionView> decisions = meeting.decisions.stream().map(decision -> decision(meeting, decision)).toList();
        return new MeetingView(state.networkId, meeting.meetingId, meeting.date, meeting.place, status(meeting),
                meeting.agenda, meeting.present, meeting.absent, meeting.minutes, meeting.minutesApproved,
                List.copyOf(meeting.amendments), decisions, items);
    }

    static OverdueActionItems overdue(NetworkState state, LocalDate today) {
        Map<String, List<ActionItemView>> byOwner = new LinkedHashMap<>();
        state.items.values().stream()
                .filter(item -> item.overdueOn(today))
                .sorted(Comparator.comparing((ItemState item) -> item.dueOn).thenComparing(item -> item.actionItemId))
                .forEach(item -> byOwner.computeIfAbsent(item.ownerMemberId, owner -> new ArrayList<>())
                        .add(item(state, item, today)));
        List<OverdueActionItems.Owner> owners = orderedByMembership(state, byOwner.keySet()).stream()
                .map(owner -> new OverdueActionItems.Owner(owner, state.nameOf(owner), List.copyOf(byOwner.get(owner))))
                .toList();
        return new OverdueActionItems(state.networkId, today, owners);
    }

    /**
     * The quarter as of {@code asOf}: meetings dated in it, attendance of the members in it, decisions of
     * its held meetings, action items that were open at some point in it, and the figures shared for it.
     */
    static QuarterOutcomes quarter(NetworkState state, Quarter quarter, LocalDate asOf, ReviewView review) {
        LocalDate from = quarter.firstDay();
        LocalDate to = quarter.lastDay();
        List<MeetingState> inQuarter = state.meetings.values().stream()
                .filter(meeting -> quarter.contains(meeting.date))
                .sorted(Comparator.comparing(meeting -> meeting.date))
                .toList();
        List<MeetingState> held = inQuarter.stream().filter(meeting -> meeting.held).toList();

        List<MemberAttendance> attendance = new ArrayList<>();
        for (MemberState member : state.members.values()) {
            if (!member.memberDuring(from, to)) {
                continue;
            }
            int expected = 0;
            int attended = 0;
            for (MeetingState meeting : held) {
                boolean present = meeting.present.contains(member.memberId);
                if (present || meeting.absent.contains(member.memberId)) {
                    expected++;
                    attended += present ? 1 : 0;
                }
            }
            Double rate = expected == 0 ? null : Math.round(1000.0 * attended / expected) / 1000.0;
            attendance.add(new MemberAttendance(member.memberId, member.name(), expected, attended, rate));
        }

        List<DecisionView> decisions = held.stream()
                .flatMap(meeting -> meeting.decisions.stream().map(decision -> decision(meeting, decision)))
                .toList();

        LocalDate dayBefore = from.minusDays(1);
        List<ItemState> items = state.items.values().stream()
                .filter(item -> !item.openedOn.isAfter(asOf) && !item.openedOn.isAfter(to)
                        && (!item.openedOn.isBefore(from) || item.statusOn(dayBefore).isOpen()))
                .sorted(Comparator.comparing((ItemState item) -> item.openedOn).thenComparing(item -> item.dueOn)
                        .thenComparing(item -> item.actionItemId))
                .toList();
        List<ActionItemView> itemViews = items.stream().map(item -> item(state, item, asOf)).toList();

        Map<String, int[]> counts = new LinkedHashMap<>();
        for (ItemState item : items) {
            int[] count = counts.computeIfAbsent(item.ownerMemberId, owner -> new int[4]);
            if (quarter.contains(item.openedOn)) {
                count[0]++;
            }
            LocalDate done = item.doneOn(asOf);
            if (done != null && !done.isBefore(from)) {
                count[1]++;
            }
            if (item.statusOn(asOf).isOpen()) {
                count[2]++;
            }
            if (item.overdueOn(asOf)) {
                count[3]++;
            }
        }
        List<OwnerActionItems> byOwner = orderedByMembership(state, counts.keySet()).stream()
                .map(owner -> {
                    int[] count = counts.get(owner);
                    return new OwnerActionItems(owner, state.nameOf(owner), count[0], count[1], count[2], count[3]);
                })
                .toList();

        List<ShareState> shares = state.shares.stream().filter(share -> share.quarter.equals(quarter))
                .sorted(Comparator.comparing((ShareState share) -> memberOrder(state, share.memberId))
                        .thenComparing(share -> share.programmeId))
                .toList();
        List<SharedFigures> figures = shares.stream()
                .map(share -> new SharedFigures(share.memberId, state.nameOf(share.memberId), share.programmeId,
                        share.at, share.by, share.figures))
                .toList();

        return new QuarterOutcomes(state.networkId, quarter, from, to, asOf,
                inQuarter.stream().map(NetworkViews::summary).toList(), attendance, decisions, itemViews, byOwner,
                figures, totals(shares), review);
    }

    static FigureTotals totals(List<ShareState> shares) {
        int people = 0;
        boolean peopleIncomplete = false;
        int sessions = 0;
        int events = 0;
        Map<String, int[]> groups = new TreeMap<>();
        Map<String, Boolean> groupsIncomplete = new TreeMap<>();
        for (ShareState share : shares) {
            QuarterFigures figures = share.figures;
            if (figures.peopleReachedSuppressed()) {
                peopleIncomplete = true;
            } else {
                people += figures.peopleReached();
            }
            sessions += figures.sessions();
            events += figures.events();
            for (ReachGroupFigure group : figures.byReachGroup()) {
                int[] sum = groups.computeIfAbsent(group.reachGroup(), code -> new int[1]);
                groupsIncomplete.putIfAbsent(group.reachGroup(), false);
                if (group.suppressed()) {
                    groupsIncomplete.put(group.reachGroup(), true);
                } else {
                    sum[0] += group.peopleReached();
                }
            }
        }
        List<ReachGroupTotal> byGroup = groups.entrySet().stream()
                .map(entry -> new ReachGroupTotal(entry.getKey(), entry.getValue()[0], groupsIncomplete.get(entry.getKey())))
                .toList();
        return new FigureTotals(shares.size(), people, peopleIncomplete, sessions, events, byGroup);
    }

    static ActionItemView item(NetworkState state, ItemState item, LocalDate asOf) {
        List<ProgressView> history = item.history.stream()
                .filter(step -> !step.on().isAfter(asOf))
                .map(step -> new ProgressView(step.status(), step.note(), step.at(), step.by()))
                .toList();
        ActionItemStatus status = item.statusOn(asOf);
        return new ActionItemView(item.actionItemId, item.meetingId, item.openedOn, item.description,
                item.ownerMemberId, state.nameOf(item.ownerMemberId), item.dueOn, status, item.overdueOn(asOf), history);
    }

    private static MemberView member(MemberState member) {
        return new MemberView(member.memberId, member.tenantId != null ? "tenant" : "organisation", member.tenantId,
                member.name(), member.role, member.admittedOn, member.leftOn, member.leftOn == null);
    }

    private static List<MeetingSummary> meetingsWhere(NetworkState state, Predicate<MeetingState> filter) {
        return state.meetings.values().stream().filter(filter)
                .sorted(Comparator.comparing((MeetingState meeting) -> meeting.date).thenComparing(meeting -> meeting.meetingId))
                .map(NetworkViews::summary).toList();
    }

    private static MeetingSummary summary(MeetingState meeting) {
        return new MeetingSummary(meeting.meetingId, meeting.date, meeting.place, status(meeting), meeting.minutesApproved);
    }

    private static String status(MeetingState meeting) {
        return meeting.held ? HELD : SCHEDULED;
    }

    private static DecisionView decision(MeetingState meeting, DecisionRecorded decision) {
        return new DecisionView(decision.decisionId(), meeting.meetingId, meeting.date, decision.agendaItemId(),
                meeting.agendaTitle(decision.agendaItemId()), decision.text());
    }

    private static int memberOrder(NetworkState state, String memberId) {
        int index = 0;
        for (String id : state.members.keySet()) {
            if (id.equals(memberId)) {
                return index;
            }
            index++;
        }
        return Integer.MAX_VALUE;
    }

    private static List<String> orderedByMembership(NetworkState state, java.util.Collection<String> memberIds) {
        return memberIds.stream().sorted(Comparator.comparing((String id) -> memberOrder(state, id))).toList();
    }
}
