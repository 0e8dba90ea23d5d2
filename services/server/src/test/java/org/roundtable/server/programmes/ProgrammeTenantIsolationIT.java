package org.roundtable.server.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;

/**
 * Kent and Darmstadt share the instance. Darmstadt's programme, activity, session, questionnaire and
 * participant are as invisible to kent as ids that exist nowhere, and nothing kent tries with them
 * leaves an event behind.
 */
@DisplayName("Programmes of one agency are invisible to another")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeTenantIsolationIT extends ProgrammesApplicationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private LocalDate start;
    private LocalDate end;
    private LocalDate lastMonday;
    private Ids darmstadt;
    private Ids missing;
    private String kentProgramme;
    private String kentActivity;
    private String kentParticipant;
    private String kentSession;

    /** One agency's programme and everything in it (or, for {@code missing}, ids that exist nowhere). */
    record Ids(String programme, String activity, String session, String questionnaire, String participant) {

        String fill(String template) {
            return template.replace("{programme}", programme).replace("{activity}", activity)
                    .replace("{session}", session).replace("{questionnaire}", questionnaire)
                    .replace("{participant}", participant);
        }
    }

    /** An endpoint as method, path and body, with placeholders for the ids and kent's participant. */
    record Call(String method, String path, String body) {

        String label() {
            return method + " " + path;
        }
    }

    @BeforeAll
    void twoAgenciesRecordTheirWork() {
        LocalDate today = LocalDate.now(BERLIN);
        start = today.minusDays(100);
        end = today.plusDays(100);
        lastMonday = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));

        String programme = launchProgramme("darmstadt-admin", "Integrationspartnerschaften Kranichstein", start, end,
                "[{\"metric\":\"DISTINCT_PARTICIPANTS\",\"value\":50}]");
        String activity = planWeeklyActivity("darmstadt-admin", programme, "Gemeinsam kochen", "ACTIVITY_SESSION",
                "Kranichstein", "MONDAY", start);
        String participant = registerSomeone("darmstadt-staff", "Kranichstein", 1985);
        String session = create("/api/sessions", "darmstadt-staff", toJson(Map.of("activityId", activity,
                "date", lastMonday.toString(), "facilitatorIds", List.of("darmstadt-staff"),
                "participantIds", List.of(participant),
                "headcounts", List.of(Map.of("reachGroup", "wider-community", "count", 3)))), "/api/sessions");
        String questionnaire = create("/api/programmes/" + programme + "/questionnaires", "darmstadt-staff",
                toJson(Map.of("title", "Wie war es?", "simpleLanguage", true, "recipientIds", List.of(participant))),
                "/api/questionnaires");
        darmstadt = new Ids(programme, activity, session, questionnaire, participant);
        missing = new Ids(randomId(), randomId(), randomId(), randomId(), randomId());

        kentProgramme = launchProgramme("kent-admin", "Kent isolation check", start, end, "[]");
        kentActivity = planWeeklyActivity("kent-admin", kentProgramme, "Family Club", "ACTIVITY_SESSION", "Dover",
                "MONDAY", start);
        kentParticipant = registerSomeone("kent-staff", "Dover", 1990);
        kentSession = create("/api/sessions", "kent-staff", toJson(Map.of("activityId", kentActivity,
                "date", lastMonday.toString(), "facilitatorIds", List.of("kent-staff"),
                "participantIds", List.of(kentParticipant),
                "headcounts", List.of(Map.of("reachGroup", "wider-community", "count", 2)))), "/api/sessions");
    }

    /** Every programmes endpoint that names a resource, read and write, as kent's admin may call them. */
    private List<Call> calls() {
        String schedule = """
                {"days":["FRIDAY"],"startTime":"10:00","endTime":"11:00","from":"%s"}""".formatted(start);
        return List.of(
                new Call("GET", "/api/programmes/{programme}", null),
                new Call("GET", "/api/programmes/{programme}/activities", null),
                new Call("GET", "/api/programmes/{programme}/calendar?from=" + start + "&to=" + start.plusDays(60), null),
                new Call("GET", "/api/programmes/{programme}/report", null),
                new Call("PUT", "/api/programmes/{programme}/targets",
                        "{\"targets\":[{\"metric\":\"SESSIONS_HELD\",\"value\":5}],\"reason\":\"more sessions\"}"),
                new Call("POST", "/api/programmes/{programme}/closure", "{\"reason\":\"finished\"}"),
                new Call("POST", "/api/programmes/{programme}/activities", """
                        {"name":"Coffee morning","kind":"COFFEE_MORNING","audience":"parents","town":"Dover",
                         "schedule":%s,"simpleLanguage":false}""".formatted(schedule)),
                new Call("POST", "/api/programmes/{programme}/questionnaires",
                        "{\"title\":\"Survey\",\"simpleLanguage\":false,\"recipientIds\":[\"{kent}\"]}"),
                new Call("POST", "/api/sessions", """
                        {"programmeId":"{programme}","kind":"COMMUNITY_EVENT","title":"Fair","date":"%s",
                         "facilitatorIds":["kent-staff"]}""".formatted(lastMonday)),
                new Call("GET", "/api/activities/{activity}", null),
                new Call("PUT", "/api/activities/{activity}/schedule", "{\"schedule\":" + schedule + ",\"reason\":\"moved\"}"),
                new Call("POST", "/api/activities/{activity}/retirement", "{\"reason\":\"ended\"}"),
                new Call("POST", "/api/sessions", """
                        {"activityId":"{activity}","date":"%s","facilitatorIds":["kent-staff"],
                         "participantIds":["{kent}"]}""".formatted(lastMonday)),
                new Call("GET", "/api/sessions/{session}", null),
                new Call("POST", "/api/sessions/{session}/attendance-corrections",
                        "{\"added\":[\"{kent}\"],\"reason\":\"came late\"}"),
                new Call("POST", "/api/sessions/{session}/identified-attendees",
                        "{\"participantId\":\"{kent}\",\"group\":\"wider-community\"}"),
                new Call("POST", "/api/sessions/{session}/cancellation", "{\"reason\":\"rained off\"}"),
                new Call("POST", "/api/sessions/{session}/feedback", "{\"note\":\"went well\"}"),
                new Call("GET", "/api/questionnaires/{questionnaire}", null),
                new Call("POST", "/api/questionnaires/{questionnaire}/returns", "{\"participantId\":\"{kent}\"}"),
                new Call("GET", "/api/participants/{participant}/attendance", null));
    }

    private HttpResponse<String> call(Call call, Ids ids) {
        String body = call.body() == null ? null : ids.fill(call.body()).replace("{kent}", kentParticipant);
        return send(call.method(), ids.fill(call.path()), "kent-admin", body);
    }

    @Test
    @DisplayName("darmstadt's ids are 404 problems to kent on every programmes endpoint, and nothing is written")
    void another_agencys_ids_are_not_found() {
        long before = eventCount();

        SoftAssertions softly = new SoftAssertions();
        for (Call call : calls()) {
            HttpResponse<String> response = call(call, darmstadt);
            softly.assertThat(response.statusCode()).as(call.label() + ": " + response.body()).isEqualTo(404);
            softly.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as(call.label()).startsWith("application/problem+json");
            if (response.statusCode() == 404) {
                softly.assertThat(json(response).get("type").asText()).as(call.label())
                        .isEqualTo(ProblemType.NOT_FOUND.uri().toString());
            }
        }
        HttpResponse<String> csv = getCsv("/api/programmes/" + darmstadt.programme() + "/report", "kent-admin");
        softly.assertThat(csv.statusCode()).as("CSV report: " + csv.body()).isEqualTo(404);
        softly.assertAll();

        assertThat(eventCount()).isEqualTo(before);
        // darmstadt still sees its own, unchanged
        JsonNode session = getJson("/api/sessions/" + darmstadt.session(), "darmstadt-staff");
        assertThat(session.get("cancelled").asBoolean()).isFalse();
        assertThat(session.get("attendees")).hasSize(1);
        assertThat(session.get("feedback")).isEmpty();
        assertThat(getJson("/api/programmes/" + darmstadt.programme(), "darmstadt-auditor").get("closed").asBoolean())
                .isFalse();
    }

    @Test
    @DisplayName("to kent, darmstadt's ids answer exactly like ids that exist nowhere")
    void another_agencys_ids_look_like_missing_ones() {
        SoftAssertions softly = new SoftAssertions();
        for (Call call : calls()) {
            HttpResponse<String> theirs = call(call, darmstadt);
            HttpResponse<String> nobodys = call(call, missing);
            softly.assertThat(theirs.statusCode()).as(call.label()).isEqualTo(nobodys.statusCode());
            softly.assertThat(problemWithoutInstance(theirs)).as(call.label()).isEqualTo(problemWithoutInstance(nobodys));
        }
        HttpResponse<String> theirCsv = getCsv("/api/programmes/" + darmstadt.programme() + "/report", "kent-admin");
        HttpResponse<String> nobodysCsv = getCsv("/api/programmes/" + missing.programme() + "/report", "kent-admin");
        softly.assertThat(theirCsv.statusCode()).as("CSV report").isEqualTo(nobodysCsv.statusCode());
        softly.assertThat(theirCsv.body().replace(darmstadt.programme(), "<id>"))
                .as("CSV report").isEqualTo(nobodysCsv.body().replace(missing.programme(), "<id>"));
        softly.assertAll();
    }

    @Test
    @DisplayName("kent cannot put darmstadt's participant on a register or a questionnaire, and nothing is written")
    void another_agencys_participant_cannot_attend() {
        long before = eventCount();
        String foreign = darmstadt.participant();
        String heldOn = "{\"activityId\":\"%s\",\"date\":\"%s\",\"facilitatorIds\":[\"kent-staff\"],".formatted(
                kentActivity, lastMonday);

        List<HttpResponse<String>> refusals = List.of(
                postJson("/api/sessions", "kent-staff", heldOn + "\"participantIds\":[\"" + foreign + "\"]}"),
                postJson("/api/sessions", "kent-staff", heldOn
                        + "\"families\":[{\"guardianId\":\"" + foreign + "\",\"childIds\":[\"" + kentParticipant + "\"]}]}"),
                postJson("/api/sessions/" + kentSession + "/attendance-corrections", "kent-staff",
                        "{\"added\":[\"" + foreign + "\"],\"reason\":\"came late\"}"),
                postJson("/api/sessions/" + kentSession + "/identified-attendees", "kent-staff",
                        "{\"participantId\":\"" + foreign + "\",\"group\":\"wider-community\"}"),
                postJson("/api/programmes/" + kentProgramme + "/questionnaires", "kent-staff",
                        "{\"title\":\"Survey\",\"simpleLanguage\":false,\"recipientIds\":[\"" + foreign + "\"]}"));
        for (HttpResponse<String> refusal : refusals) {
            assertThat(refusal.statusCode()).as(refusal.body()).isIn(404, 422);
            assertProblem(refusal, refusal.statusCode() == 404 ? ProblemType.NOT_FOUND : ProblemType.RULE_VIOLATION);
        }
        // the refusal names nothing of darmstadt's: it reads as it does for an id that exists nowhere
        String nobody = missing.participant();
        HttpResponse<String> unknown = postJson("/api/sessions", "kent-staff",
                heldOn + "\"participantIds\":[\"" + nobody + "\"]}");
        assertThat(json(refusals.get(0)).get("detail").asText().replace(foreign, "<id>"))
                .isEqualTo(json(unknown).get("detail").asText().replace(nobody, "<id>"));
        assertProblem(get("/api/participants/" + foreign, "kent-staff"), ProblemType.NOT_FOUND);

        assertThat(eventCount()).isEqualTo(before);
        JsonNode register = getJson("/api/sessions/" + kentSession, "kent-staff");
        assertThat(elements(register.get("attendees")).stream().map(attendee -> attendee.get("participantId").asText()))
                .containsExactly(kentParticipant);
        assertThat(register.get("totalHeadcount").asInt()).isEqualTo(2);
    }

    @Test
    @DisplayName("kent's programme list and calendar never show darmstadt's programme")
    void lists_show_only_the_callers_programmes() {
        List<String> kentSees = elements(getJson("/api/programmes", "kent-auditor")).stream()
                .map(programme -> programme.get("id").asText()).toList();
        List<String> darmstadtSees = elements(getJson("/api/programmes", "darmstadt-auditor")).stream()
                .map(programme -> programme.get("id").asText()).toList();
        assertThat(kentSees).contains(kentProgramme).doesNotContain(darmstadt.programme());
        assertThat(darmstadtSees).contains(darmstadt.programme()).doesNotContain(kentProgramme);

        String range = "?from=" + lastMonday.minusDays(7) + "&to=" + lastMonday;
        List<String> kentCalendar = elements(getJson("/api/calendar" + range, "kent-staff")).stream()
                .map(entry -> entry.get("programmeId").asText()).distinct().toList();
        List<String> darmstadtCalendar = elements(getJson("/api/calendar" + range, "darmstadt-staff")).stream()
                .map(entry -> entry.get("programmeId").asText()).distinct().toList();
        assertThat(kentCalendar).contains(kentProgramme).doesNotContain(darmstadt.programme());
        assertThat(darmstadtCalendar).contains(darmstadt.programme()).doesNotContain(kentProgramme);
        assertThat(elements(getJson("/api/programmes/" + kentProgramme + "/activities", "kent-staff")).stream()
                .map(activity -> activity.get("id").asText()))
                .containsExactly(kentActivity);
    }
}
