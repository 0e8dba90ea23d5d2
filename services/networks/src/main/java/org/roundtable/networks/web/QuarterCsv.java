package org.roundtable.networks.web;

import java.util.ArrayList;
import java.util.List;
import org.roundtable.networks.api.ActionItemView;
import org.roundtable.networks.api.DecisionView;
import org.roundtable.networks.api.FigureTotals;
import org.roundtable.networks.api.MeetingSummary;
import org.roundtable.networks.api.MemberAttendance;
import org.roundtable.networks.api.OwnerActionItems;
import org.roundtable.networks.api.QuarterOutcomes;
import org.roundtable.networks.api.ReachGroupFigure;
import org.roundtable.networks.api.ReachGroupTotal;
import org.roundtable.networks.api.ReviewView;
import org.roundtable.networks.api.SharedFigures;

/**
 * The quarter view as one RFC 4180 table: a {@code section} column says what each row is, the other
 * columns are filled where they apply. Text cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe.
 */
final class QuarterCsv {

    static final List<String> COLUMNS = List.of("section", "quarter", "meeting_id", "date", "member_id", "member",
            "item_id", "status", "overdue", "due_on", "meetings_held", "attended", "attendance_rate", "opened", "done",
            "open", "programme_id", "reach_group", "people_reached", "suppressed", "sessions", "events",
            "ledger_position", "text");

    private QuarterCsv() {
    }

    static String write(QuarterOutcomes view) {
        StringBuilder out = new StringBuilder();
        line(out, COLUMNS.toArray());
        String q = view.quarter().toString();
        for (MeetingSummary meeting : view.meetings()) {
            row(out, "meeting", q, c("meeting_id", meeting.meetingId()), c("date", meeting.date()),
                    c("status", meeting.status()), c("text", meeting.place()));
        }
        for (MemberAttendance attendance : view.attendance()) {
            row(out, "attendance", q, c("member_id", attendance.memberId()), c("member", attendance.name()),
                    c("meetings_held", attendance.meetingsHeld()), c("attended", attendance.attended()),
                    c("attendance_rate", attendance.rate()));
        }
        for (DecisionView decision : view.decisions()) {
            row(out, "decision", q, c("meeting_id", decision.meetingId()), c("date", decision.date()),
                    c("item_id", decision.decisionId()), c("text", decision.text()));
        }
        for (ActionItemView item : view.actionItems()) {
            row(out, "action_item", q, c("meeting_id", item.meetingId()), c("date", item.openedOn()),
                    c("member_id", item.ownerMemberId()), c("member", item.ownerName()), c("item_id", item.actionItemId()),
                    c("status", item.status()), c("overdue", item.overdue()), c("due_on", item.dueOn()),
                    c("text", item.description()));
        }
        for (OwnerActionItems owner : view.actionItemsByOwner()) {
            row(out, "action_items_by_owner", q, c("member_id", owner.memberId()), c("member", owner.name()),
                    c("opened", owner.opened()), c("done", owner.done()), c("open", owner.open()),
                    c("overdue", owner.overdue()));
        }
        for (SharedFigures share : view.figures()) {
            row(out, "figures", q, c("member_id", share.memberId()), c("member", share.name()),
                    c("programme_id", share.programmeId()), c("people_reached", share.figures().peopleReached()),
                    c("suppressed", share.figures().peopleReachedSuppressed()), c("sessions", share.figures().sessions()),
                    c("events", share.figures().events()), c("ledger_position", share.figures().ledgerPosition()));
            for (ReachGroupFigure group : share.figures().byReachGroup()) {
                row(out, "figures_by_reach_group", q, c("member_id", share.memberId()), c("member", share.name()),
                        c("programme_id", share.programmeId()), c("reach_group", group.reachGroup()),
                        c("people_reached", group.peopleReached()), c("suppressed", group.suppressed()));
            }
        }
        FigureTotals totals = view.totals();
        row(out, "total", q, c("people_reached", totals.peopleReached()),
                c("suppressed", totals.peopleReachedIncomplete()), c("sessions", totals.sessions()),
                c("events", totals.events()));
        for (ReachGroupTotal group : totals.byReachGroup()) {
            row(out, "total_by_reach_group", q, c("reach_group", group.reachGroup()),
                    c("people_reached", group.peopleReached()), c("suppressed", group.incomplete()));
        }
        ReviewView review = view.review();
        if (review != null) {
            row(out, "review", q, c("date", review.signedOn()), c("ledger_position", review.ledgerPosition()),
                    c("text", review.summary()));
        }
        return out.toString();
    }

    private record Cell(String column, Object value) {
    }

    private static Cell c(String column, Object value) {
        return new Cell(column, value);
    }

    private static void row(StringBuilder out, String section, String quarter, Cell... cells) {
        Object[] values = new Object[COLUMNS.size()];
        values[0] = section;
        values[1] = quarter;
        for (Cell cell : cells) {
            int index = COLUMNS.indexOf(cell.column());
            if (index < 0) {
                throw new IllegalArgumentException("no such column: " + cell.column());
            }
            values[index] = cell.value();
        }
        line(out, values);
    }

    private static void line(StringBuilder out, Object[] values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object value : values) {
            cells.add(escape(value));
        }
        out.append(String.join(",", cells)).append("\r\n");
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
