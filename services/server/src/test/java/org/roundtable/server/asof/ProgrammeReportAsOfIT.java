package org.roundtable.server.asof;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;

/**
 * Kent gives its funder a programme report, then records late corrections: a forgotten attendee, a session
 * entered late, a moved family, an erasure. The report as of the position the first one named is the first
 * one, to the byte, while the live report has moved on.
 */
@DisplayName("A programme report as of an earlier position")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeReportAsOfIT extends AsOfApplicationTest {

    private String programme;
    private String report;
    private JsonNode aprilReport;
    private long aprilPosition;
    private Instant aprilInstant;
    private JsonNode octoberReport;
    private long octoberPosition;
    private List<String> people;
    private String darmstadtProgramme;

    @BeforeAll
    void kentReportsToItsFunderThenCorrectsTheRecord() {
        darmstadtProgramme = create("/api/programmes", "darmstadt-admin", """
                {"name":"Integrationspartnerschaften","startDate":"%s","endDate":"%s"}
                """.formatted(LocalDate.now(LONDON).minusDays(30), LocalDate.now(LONDON).plusDays(300)));
        LocalDate start = LocalDate.now(LONDON).minusDays(120);
        programme = launchProgramme("kent-admin", "Integrated Communities " + randomId().substring(0, 6), start,
                LocalDate.now(LONDON).plusDays(200));
        report = "/api/programmes/" + programme + "/report";
        String activity = planMondayActivity("kent-admin", programme, "Folkestone", start);
        people = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            people.add(register("kent-staff", "As-of Person " + randomId().substring(0, 8), i % 2 == 0 ? "Folkestone" : "Dover",
                    1980 + 3 * i));
        }
        String firstSession = holdSession("kent-staff", activity, monday(3), people.subList(0, 4), 3);
        holdSession("kent-staff", activity, monday(2), people.subList(1, 5), 2);
        holdSession("kent-staff", activity, monday(1), people.subList(0, 2), 0);

        HttpResponse<String> april = quietLive(report, "kent-staff");
        aprilReport = json(april);
        aprilPosition = position(april);
        aprilInstant = Instant.now();

        // late corrections, as they come in after a report has gone out
        HttpResponse<String> added = postJson("/api/sessions/" + firstSession + "/attendance-corrections", "kent-staff",
                toJson(Map.of("added", List.of(people.get(5)), "reason", "late register sheet")));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(200);
        holdSession("kent-staff", activity, monday(4), List.of(people.get(6), people.get(0)), 1);
        HttpResponse<String> participant = get("/api/participants/" + people.get(1), "kent-staff");
        HttpResponse<String> moved = patchJson("/api/participants/" + people.get(1), "kent-staff",
                "{\"town\":\"Margate\",\"reason\":\"the family moved\"}",
                "If-Match", participant.headers().firstValue("ETag").orElseThrow());
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        HttpResponse<String> erased = postJson("/api/participants/" + people.get(2) + "/erasure", "kent-staff",
                "{\"reason\":\"asked to be forgotten\"}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);

        HttpResponse<String> october = quietLive(report, "kent-staff");
        octoberReport = json(october);
        octoberPosition = position(october);
    }

    @Test
    void the_live_report_names_the_position_it_reflects_in_a_header_for_json_and_csv() {
        // the live body is the programmes context's own; its asOfPosition stays null and the header carries it
        assertThat(aprilReport.get("asOfPosition").isNull()).isTrue();
        assertThat(octoberPosition).isGreaterThan(aprilPosition);
        HttpResponse<String> csv = send(request(report, "kent-staff").header("Accept", "text/csv").GET().build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(position(csv)).isEqualTo(octoberPosition);
    }

    @Test
    void late_corrections_change_the_live_report() {
        assertThat(octoberReport).isNotEqualTo(aprilReport);
        assertThat(aprilReport.at("/distinctParticipants/value").asLong()).isEqualTo(5);
        assertThat(octoberReport.at("/distinctParticipants/value").asLong()).isEqualTo(7);
        assertThat(aprilReport.at("/erasedParticipants/value").asLong()).isZero();
        assertThat(octoberReport.at("/erasedParticipants/value").asLong()).isEqualTo(1);
        assertThat(octoberReport.get("totalAttendances").asLong())
                .isEqualTo(aprilReport.get("totalAttendances").asLong() + 3);
    }

    @Test
    void the_report_as_of_the_position_an_earlier_report_named_is_that_report_exactly() {
        JsonNode answer = asOf("/api/as-of/programmes/" + programme + "/report?asOf=" + aprilPosition, "kent-auditor");
        assertThat(answer.get("asOfPosition").asLong()).isEqualTo(aprilPosition);
        assertThat(answer.get("asOf").isNull()).isTrue();
        assertThat(answer.get("result")).isEqualTo(live(aprilReport, aprilPosition));
    }

    @Test
    void the_report_as_of_an_instant_names_the_position_it_stood_at_then() {
        JsonNode answer = asOf("/api/as-of/programmes/" + programme + "/report?asOf=" + aprilInstant, "kent-staff");
        assertThat(answer.get("asOf").asText()).isEqualTo(aprilInstant.toString());
        assertThat(answer.get("asOfPosition").asLong()).isEqualTo(aprilPosition);
        assertThat(answer.get("result")).isEqualTo(live(aprilReport, aprilPosition));
    }

    @Test
    void the_report_as_of_the_latest_position_is_the_live_report_and_a_period_can_be_chosen() {
        JsonNode answer = asOf("/api/as-of/programmes/" + programme + "/report?asOf=" + octoberPosition, "kent-admin");
        assertThat(answer.get("result")).isEqualTo(live(octoberReport, octoberPosition));

        String period = "from=" + monday(2) + "&to=" + monday(1);
        HttpResponse<String> live = quietLive(report + "?" + period, "kent-staff");
        JsonNode periodAnswer = asOf("/api/as-of/programmes/" + programme + "/report?asOf=" + position(live) + "&"
                + period, "kent-staff");
        assertThat(periodAnswer.get("result")).isEqualTo(live(json(live), position(live)));
        assertThat(periodAnswer.at("/result/from").asText()).isEqualTo(monday(2).toString());
    }

    @Test
    void before_the_programme_was_launched_it_did_not_exist() {
        HttpResponse<String> response = get("/api/as-of/programmes/" + programme + "/report?asOf=1", "kent-staff");
        assertProblem(response, ProblemType.NOT_FOUND);
    }

    @Test
    void another_agencys_programme_reads_like_one_that_does_not_exist() {
        HttpResponse<String> theirs = get("/api/as-of/programmes/" + darmstadtProgramme + "/report?asOf="
                + head(), "kent-admin");
        HttpResponse<String> none = get("/api/as-of/programmes/" + randomId() + "/report?asOf=" + head(), "kent-admin");
        assertProblem(theirs, ProblemType.NOT_FOUND);
        assertProblem(none, ProblemType.NOT_FOUND);
        assertThat(json(theirs).get("detail")).isEqualTo(json(none).get("detail"));
        JsonNode own = asOf("/api/as-of/programmes/" + darmstadtProgramme + "/report?asOf=" + head(), "darmstadt-auditor");
        assertThat(own.at("/result/programmeId").asText()).isEqualTo(darmstadtProgramme);
    }

    @Test
    void the_platform_operator_may_not_read_any_agencys_state_as_of_any_point() {
        for (String path : List.of("/api/as-of/programmes/" + programme + "/report?asOf=" + aprilPosition,
                "/api/as-of/participants?asOf=" + aprilPosition,
                "/api/as-of/networks/" + randomId() + "/quarters/2026-Q1?asOf=" + aprilPosition)) {
            assertProblem(get(path, "operator"), ProblemType.FORBIDDEN);
        }
    }

    @Test
    void a_point_that_is_neither_a_position_nor_an_instant_or_lies_ahead_is_refused() {
        String base = "/api/as-of/programmes/" + programme + "/report?asOf=";
        assertProblem(get(base + "last-april", "kent-staff"), ProblemType.BAD_REQUEST);
        assertProblem(get(base + Instant.now().plusSeconds(3600), "kent-staff"), ProblemType.RULE_VIOLATION);
        assertProblem(get(base + (head() + 1000), "kent-staff"), ProblemType.RULE_VIOLATION);
        assertProblem(get("/api/as-of/programmes/" + programme + "/report", "kent-staff"), ProblemType.BAD_REQUEST);
    }

    @Test
    void an_as_of_report_costs_a_replay_of_the_ledger_up_to_its_position() {
        String asOfPath = "/api/as-of/programmes/" + programme + "/report?asOf=" + octoberPosition;
        double live = medianMillis(7, () -> timed(report));
        double replayed = medianMillis(7, () -> timed(asOfPath));
        HttpResponse<String> one = get(asOfPath, "kent-staff");
        System.out.printf("as-of timing: ledger of %d positions; live report %.1f ms, as-of report %.1f ms (%.1fx); %s%n",
                octoberPosition, live, replayed, replayed / live, one.headers().firstValue("Server-Timing").orElse(""));
        assertThat(one.headers().firstValue("Server-Timing")).hasValueSatisfying(
                timing -> assertThat(timing).startsWith("prepare;dur=").contains("replay;dur=", "drop;dur="));
    }

    /**
     * A live report with the position its header named put in its {@code asOfPosition}: the one field in which
     * an as-of report differs from the live one it reproduces (the live body leaves it null).
     */
    private static JsonNode live(JsonNode report, long position) {
        assertThat(report.get("asOfPosition").isNull()).isTrue();
        ObjectNode copy = report.deepCopy();
        copy.put("asOfPosition", position);
        // read back, so the number is the node type a parsed answer has (an int node, not a long one)
        return json(copy.toString());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private long timed(String path) {
        long started = System.nanoTime();
        HttpResponse<String> response = get(path, "kent-staff");
        long nanos = System.nanoTime() - started;
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return nanos;
    }
}
