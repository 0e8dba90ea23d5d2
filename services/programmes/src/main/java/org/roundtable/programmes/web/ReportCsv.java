package org.roundtable.programmes.web;

import java.util.ArrayList;
import java.util.List;
import org.roundtable.programmes.api.ProgrammeReport;
import org.roundtable.programmes.api.ProgrammeReport.Breakdown;
import org.roundtable.programmes.api.ProgrammeReport.Count;
import org.roundtable.programmes.api.ProgrammeReport.Figure;
import org.roundtable.programmes.api.ProgrammeReport.TargetProgress;
import org.roundtable.programmes.api.Target;
import org.springframework.stereotype.Component;

/**
 * Writes a report as CSV ({@code section,key,value,target,percent,remaining}) for use outside the
 * agency: every suppressed count of people reads "fewer than N", and so do the percentage and the
 * remainder of a target whose actual is suppressed, since either would give the count away.
 */
@Component
class ReportCsv {

    private static final String HEADER = "section,key,value,target,percent,remaining";

    String write(ProgrammeReport report) {
        String hidden = "fewer than " + report.smallGroupThreshold();
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.add(row("programme", "id", report.programmeId()));
        rows.add(row("programme", "name", report.name()));
        rows.add(row("period", "from", report.from().toString()));
        rows.add(row("period", "to", report.to().toString()));
        rows.add(row("period", "as-of-position", report.asOfPosition() == null ? "" : report.asOfPosition().toString()));
        rows.add(row("people", "distinct-participants", people(report.distinctParticipants(), hidden)));
        rows.add(row("people", "erased-participants", people(report.erasedParticipants(), hidden)));
        breakdown(rows, "reach-group", report.byReachGroup(), hidden);
        breakdown(rows, "town", report.byTown(), hidden);
        breakdown(rows, "age-band", report.byAgeBand(), hidden);
        rows.add(row("age", "youngest", age(report.youngestAge(), report.youngestAgeSuppressed())));
        rows.add(row("age", "oldest", age(report.oldestAge(), report.oldestAgeSuppressed())));
        rows.add(row("countries-of-origin", "count", Integer.toString(report.countriesOfOriginCount())));
        breakdown(rows, "country-of-origin", report.countriesOfOrigin(), hidden);
        counts(rows, "sessions-by-kind", report.sessionsByKind());
        rows.add(row("sessions", "held", Long.toString(report.sessionsHeld())));
        counts(rows, "events-by-kind", report.eventsByKind());
        rows.add(row("events", "held", Long.toString(report.eventsHeld())));
        rows.add(row("attendances", "total", Long.toString(report.totalAttendances())));
        counts(rows, "headcount", report.headcountsByGroup());
        rows.add(row("headcounts", "total", Long.toString(report.totalHeadcount())));
        rows.add(row("questionnaires", "sent", Integer.toString(report.questionnaires().questionnaires())));
        rows.add(row("questionnaires", "recipients", Long.toString(report.questionnaires().recipients())));
        rows.add(row("questionnaires", "returns", Long.toString(report.questionnaires().returns())));
        rows.add(row("questionnaires", "return-rate-percent", Double.toString(report.questionnaires().returnRate())));
        for (TargetProgress progress : report.targets()) {
            rows.add(target(progress, hidden));
        }
        return String.join("\r\n", rows) + "\r\n";
    }

    private static String target(TargetProgress progress, String hidden) {
        Target target = progress.target();
        String key = target.metric().name().toLowerCase().replace('_', '-')
                + (target.reachGroup() == null ? "" : " " + target.reachGroup())
                + (target.activityKind() == null ? "" : " " + target.activityKind().name().toLowerCase().replace('_', '-'))
                + " " + target.from() + ".." + target.until();
        if (!progress.measured()) {
            return cells("target", key, "not measured here", Long.toString(target.value()), "", "");
        }
        if (progress.suppressed()) {
            return cells("target", key, hidden, Long.toString(target.value()), hidden, hidden);
        }
        return cells("target", key, progress.actual().toString(), Long.toString(target.value()),
                progress.percentage().toString(), progress.remaining().toString());
    }

    private static void breakdown(List<String> rows, String section, List<Breakdown> breakdown, String hidden) {
        breakdown.forEach(entry -> rows.add(row(section, entry.key(), people(entry.people(), hidden))));
    }

    private static void counts(List<String> rows, String section, List<Count> counts) {
        counts.forEach(entry -> rows.add(row(section, entry.key(), Long.toString(entry.count()))));
    }

    private static String people(Figure figure, String hidden) {
        return figure.suppressed() ? hidden : Long.toString(figure.value());
    }

    private static String age(Integer age, boolean suppressed) {
        if (age == null) {
            return "";
        }
        return suppressed ? "suppressed" : age.toString();
    }

    private static String row(String section, String key, String value) {
        return cells(section, key, value, "", "", "");
    }

    private static String cells(String... values) {
        List<String> escaped = new ArrayList<>();
        for (String value : values) {
            escaped.add(escape(value));
        }
        return String.join(",", escaped);
    }

    /** RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not run it. */
    static String escape(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+(\\.\\d+)?")) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
