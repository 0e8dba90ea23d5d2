package org.roundtable.server.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;

/**
 * The programmes API refuses what the rules forbid and what it cannot read, always as a problem and
 * never with an event left in the ledger; and each role may do only its own part.
 */
@DisplayName("Programme rules, bad input and roles")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProgrammeRulesIT extends ProgrammesApplicationTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private LocalDate today;
    private LocalDate start;
    private LocalDate end;
    private LocalDate lastWednesday;
    private String programme;
    private String activity;
    private String guardian;
    private String child;
    private String otherChild;

    @BeforeAll
    void aProgrammeWithAHousehold() {
        today = LocalDate.now(LONDON);
        start = today.minusDays(60);
        end = today.plusDays(30);
        lastWednesday = today.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        programme = launchProgramme("kent-admin", "Healthy Lifestyle", start, end,
                "[{\"metric\":\"SESSIONS_HELD\",\"value\":10}]");
        activity = planWeeklyActivity("kent-admin", programme, "Healthy Lifestyle", "ACTIVITY_SESSION", "Margate",
                "WEDNESDAY", start);
        guardian = registerSomeone("kent-staff", "Margate", 1991);
        child = registerParticipant("kent-staff", """
                {"fullName":"Child Of Guardian","birthYear":2021,"town":"Margate","guardianId":"%s",
                 "consents":[{"purpose":"programme-records","givenBy":"guardian"}]}""".formatted(guardian));
        String otherGuardian = registerSomeone("kent-staff", "Margate", 1987);
        otherChild = registerParticipant("kent-staff", """
                {"fullName":"Child Of Someone Else","birthYear":2020,"town":"Margate","guardianId":"%s",
                 "consents":[{"purpose":"programme-records","givenBy":"guardian"}]}""".formatted(otherGuardian));
    }

    private String session(LocalDate date, List<String> participants) {
        return toJson(Map.of("activityId", activity, "date", date.toString(), "facilitatorIds", List.of("kent-staff"),
                "participantIds", participants));
    }

    /** Runs the request, expects the problem, and expects the ledger to hold exactly as many events as before. */
    private void refused(ProblemType type, Supplier<HttpResponse<String>> request) {
        long before = eventCount();
        HttpResponse<String> response = request.get();
        assertProblem(response, type);
        assertThat(eventCount()).as("events after a refused request").isEqualTo(before);
    }

    @Test
    @DisplayName("a session dated after today in the agency's time zone is refused")
    void a_future_session_is_refused() {
        refused(ProblemType.RULE_VIOLATION, () -> postJson("/api/sessions", "kent-staff",
                session(today.plusDays(1), List.of(guardian))));
        // the same register dated today is accepted: the date alone made the difference
        HttpResponse<String> held = postJson("/api/sessions", "kent-staff", session(today, List.of(guardian)));
        assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
    }

    @Test
    @DisplayName("the register of a cancelled session takes no more attendance, feedback or cancellation")
    void a_cancelled_session_is_closed_to_changes() {
        String id = create("/api/sessions", "kent-staff", session(lastWednesday, List.of(guardian)), "/api/sessions");
        HttpResponse<String> cancelled = postJson("/api/sessions/" + id + "/cancellation", "kent-staff",
                "{\"reason\":\"Venue closed\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);

        refused(ProblemType.CONFLICT, () -> postJson("/api/sessions/" + id + "/attendance-corrections", "kent-staff",
                "{\"added\":[\"" + child + "\"],\"reason\":\"came late\"}"));
        refused(ProblemType.CONFLICT, () -> postJson("/api/sessions/" + id + "/feedback", "kent-staff",
                "{\"note\":\"nobody came\"}"));
        refused(ProblemType.CONFLICT, () -> postJson("/api/sessions/" + id + "/cancellation", "kent-staff",
                "{\"reason\":\"again\"}"));
        assertThat(getJson("/api/participants/" + child + "/attendance", "kent-staff")).isEmpty();
    }

    @Test
    @DisplayName("a child checked in with someone who is not their guardian is refused")
    void a_family_check_in_needs_the_childs_own_guardian() {
        refused(ProblemType.RULE_VIOLATION, () -> postJson("/api/sessions", "kent-staff", toJson(Map.of(
                "activityId", activity, "date", lastWednesday.toString(), "facilitatorIds", List.of("kent-staff"),
                "families", List.of(Map.of("guardianId", guardian, "childIds", List.of(child, otherChild)))))));
        // a child checked in as a guardian of their own guardian is refused too
        refused(ProblemType.RULE_VIOLATION, () -> postJson("/api/sessions", "kent-staff", toJson(Map.of(
                "activityId", activity, "date", lastWednesday.toString(), "facilitatorIds", List.of("kent-staff"),
                "families", List.of(Map.of("guardianId", child, "childIds", List.of(guardian)))))));
        // the same person twice on one register is refused
        refused(ProblemType.RULE_VIOLATION, () -> postJson("/api/sessions", "kent-staff", toJson(Map.of(
                "activityId", activity, "date", lastWednesday.toString(), "facilitatorIds", List.of("kent-staff"),
                "participantIds", List.of(child),
                "families", List.of(Map.of("guardianId", guardian, "childIds", List.of(child)))))));
    }

    @Test
    @DisplayName("an erased participant is kept on past registers but cannot attend again or be sent a questionnaire")
    void an_erased_participant_cannot_attend_again() {
        String leaver = registerSomeone("kent-staff", "Margate", 1979);
        String past = create("/api/sessions", "kent-staff", session(lastWednesday, List.of(leaver)), "/api/sessions");
        HttpResponse<String> erased = postJson("/api/participants/" + leaver + "/erasure", "kent-staff", "{}");
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(204);
        await("the register shows the erasure", () -> getJson("/api/sessions/" + past, "kent-staff")
                .get("attendees").get(0).get("erased").asBoolean());

        refused(ProblemType.RULE_VIOLATION, () -> postJson("/api/sessions", "kent-staff",
                session(lastWednesday.minusWeeks(1), List.of(leaver))));
        refused(ProblemType.RULE_VIOLATION, () -> postJson("/api/programmes/" + programme + "/questionnaires",
                "kent-staff", toJson(Map.of("title", "Feedback", "simpleLanguage", true, "recipientIds", List.of(leaver)))));
        assertThat(getJson("/api/participants/" + leaver + "/attendance", "kent-staff")).hasSize(1);
    }

    @Test
    @DisplayName("targets must lie inside the programme period")
    void targets_outside_the_period_are_refused() {
        String targets = "/api/programmes/" + programme + "/targets";
        refused(ProblemType.RULE_VIOLATION, () -> put(targets, "kent-admin", """
                {"targets":[{"metric":"SESSIONS_HELD","value":10,"from":"%s"}],"reason":"earlier start"}"""
                .formatted(start.minusDays(1))));
        refused(ProblemType.RULE_VIOLATION, () -> put(targets, "kent-admin", """
                {"targets":[{"metric":"EVENTS_HELD","value":2,"until":"%s"}],"reason":"later end"}"""
                .formatted(end.plusDays(1))));
        refused(ProblemType.RULE_VIOLATION, () -> postJson("/api/programmes", "kent-admin", """
                {"name":"Out of bounds","startDate":"%s","endDate":"%s",
                 "targets":[{"metric":"DISTINCT_PARTICIPANTS","value":5,"from":"%s","until":"%s"}]}"""
                .formatted(start, end, start, end.plusDays(1))));
        // a reach group narrows only a target of people
        refused(ProblemType.RULE_VIOLATION, () -> put(targets, "kent-admin", """
                {"targets":[{"metric":"SESSIONS_HELD","reachGroup":"roma-community","value":3}],"reason":"narrow"}"""));
        // targets inside the period are taken, with the programme period filled in
        HttpResponse<String> changed = put(targets, "kent-admin", """
                {"targets":[{"metric":"SESSIONS_HELD","value":12,"from":"%s"}],"reason":"second half"}"""
                .formatted(start.plusDays(30)));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("targets").get(0).get("from").asText()).isEqualTo(start.plusDays(30).toString());
        assertThat(json(changed).get("targets").get(0).get("until").asText()).isEqualTo(end.toString());
    }

    @Test
    @DisplayName("a closed programme takes no new session, event or activity, and cannot be closed twice")
    void a_closed_programme_takes_no_new_session() {
        String closing = launchProgramme("kent-admin", "Kid's Club", start, end, "[]");
        String club = planWeeklyActivity("kent-admin", closing, "Kid's Club", "ACTIVITY_SESSION", "Dover", "WEDNESDAY",
                start);
        HttpResponse<String> closed = postJson("/api/programmes/" + closing + "/closure", "kent-admin",
                "{\"reason\":\"Funding ended\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);
        assertThat(getJson("/api/programmes/" + closing, "kent-staff").get("closed").asBoolean()).isTrue();

        refused(ProblemType.CONFLICT, () -> postJson("/api/sessions", "kent-staff", toJson(Map.of("activityId", club,
                "date", lastWednesday.toString(), "facilitatorIds", List.of("kent-staff"),
                "participantIds", List.of(guardian)))));
        refused(ProblemType.CONFLICT, () -> postJson("/api/sessions", "kent-staff", toJson(Map.of("programmeId", closing,
                "kind", "COMMUNITY_EVENT", "title", "Closing party", "date", lastWednesday.toString(),
                "facilitatorIds", List.of("kent-staff")))));
        refused(ProblemType.CONFLICT, () -> postJson("/api/programmes/" + closing + "/activities", "kent-admin", """
                {"name":"Late addition","kind":"COFFEE_MORNING","audience":"parents","town":"Dover",
                 "schedule":{"days":["FRIDAY"],"startTime":"10:00","endTime":"11:00","from":"%s"},"simpleLanguage":false}"""
                .formatted(start)));
        refused(ProblemType.CONFLICT, () -> postJson("/api/programmes/" + closing + "/closure", "kent-admin", "{}"));
    }

    @Test
    @DisplayName("malformed JSON, unknown properties, wrong types and missing fields are 400 problems")
    void bad_input_is_a_400_problem() {
        refused(ProblemType.BAD_REQUEST, () -> postJson("/api/sessions", "kent-staff",
                "{\"activityId\":\"" + activity + "\",\"date\":"));
        refused(ProblemType.BAD_REQUEST, () -> postJson("/api/sessions", "kent-staff",
                session(lastWednesday, List.of(guardian)).replace("{", "{\"weather\":\"sunny\",")));
        refused(ProblemType.BAD_REQUEST, () -> postJson("/api/programmes", "kent-admin", """
                {"name":"Unknown field","startDate":"%s","endDate":"%s","budget":1000}""".formatted(start, end)));
        refused(ProblemType.BAD_REQUEST, () -> put("/api/programmes/" + programme + "/targets", "kent-admin", """
                {"targets":[{"metric":"SESSIONS_HELD","value":10,"colour":"red"}],"reason":"typo"}"""));
        refused(ProblemType.BAD_REQUEST, () -> postJson("/api/sessions", "kent-staff",
                session(lastWednesday, List.of(guardian)).replace(lastWednesday.toString(), "last Wednesday")));
        refused(ProblemType.BAD_REQUEST, () -> put("/api/programmes/" + programme + "/targets", "kent-admin",
                "{\"targets\":[{\"metric\":\"HAPPINESS\",\"value\":10}],\"reason\":\"new metric\"}"));
        refused(ProblemType.VALIDATION, () -> postJson("/api/sessions", "kent-staff", toJson(Map.of(
                "activityId", activity, "date", lastWednesday.toString(), "facilitatorIds", List.of()))));
        refused(ProblemType.VALIDATION, () -> postJson("/api/programmes/" + programme + "/questionnaires", "kent-staff",
                "{\"title\":\"\",\"simpleLanguage\":true,\"recipientIds\":[]}"));
        HttpResponse<String> unknown = postJson("/api/programmes", "kent-admin", """
                {"name":"Unknown field","startDate":"%s","endDate":"%s","budget":1000}""".formatted(start, end));
        assertThat(json(unknown).get("detail").asText()).contains("budget");
    }

    @Test
    @DisplayName("auditors read but do not write, the operator sees nothing, staff do not set programmes up")
    void each_role_does_only_its_part() {
        String sessionId = create("/api/sessions", "kent-staff", session(lastWednesday, List.of(guardian)),
                "/api/sessions");
        for (String path : List.of("/api/programmes", "/api/programmes/" + programme,
                "/api/programmes/" + programme + "/report", "/api/programmes/" + programme + "/activities",
                "/api/sessions/" + sessionId, "/api/participants/" + guardian + "/attendance")) {
            assertThat(get(path, "kent-auditor").statusCode()).as("auditor reads " + path).isEqualTo(200);
            refused(ProblemType.FORBIDDEN, () -> get(path, "operator"));
        }
        String heldBody = session(lastWednesday, List.of(child));
        String targets = "{\"targets\":[{\"metric\":\"SESSIONS_HELD\",\"value\":9}],\"reason\":\"fewer\"}";
        String launch = """
                {"name":"Staff programme","startDate":"%s","endDate":"%s"}""".formatted(start, end);
        String activityBody = """
                {"name":"Staff activity","kind":"COFFEE_MORNING","audience":"parents","town":"Dover",
                 "schedule":{"days":["FRIDAY"],"startTime":"10:00","endTime":"11:00","from":"%s"},"simpleLanguage":false}"""
                .formatted(start);
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/sessions", "kent-auditor", heldBody));
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/sessions/" + sessionId + "/cancellation", "kent-auditor",
                "{\"reason\":\"audit\"}"));
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/programmes", "kent-auditor", launch));
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/sessions", "operator", heldBody));
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/programmes", "operator", launch));
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/programmes", "kent-staff", launch));
        refused(ProblemType.FORBIDDEN, () -> put("/api/programmes/" + programme + "/targets", "kent-staff", targets));
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/programmes/" + programme + "/activities", "kent-staff",
                activityBody));
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/programmes/" + programme + "/closure", "kent-staff", "{}"));
        refused(ProblemType.FORBIDDEN, () -> postJson("/api/activities/" + activity + "/retirement", "kent-staff", "{}"));
        assertThat(getJson("/api/programmes/" + programme, "kent-admin").get("closed").asBoolean()).isFalse();
    }
}
