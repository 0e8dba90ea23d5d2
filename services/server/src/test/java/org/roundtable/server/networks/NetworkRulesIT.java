package org.roundtable.server.networks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;
import org.roundtable.networks.api.Quarter;

/**
 * The networks' rules seen over HTTP: each refusal answers its problem and leaves the ledger as it
 * was. The tests share one small network with a held meeting and one only scheduled; none changes it.
 */
@DisplayName("A network's rules over HTTP")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkRulesIT extends NetworksApplicationTest {

    private SmallNetwork n;
    private String scheduled;

    @BeforeAll
    void a_network_with_a_held_and_a_scheduled_meeting() {
        n = smallNetwork();
        scheduled = schedule(n.id(), today().plusDays(14), "Rathaus", List.of("Next steps"));
    }

    /** Sends the request and expects the problem; the ledger must hold no new event afterwards. */
    private void refused(ProblemType type, Supplier<HttpResponse<String>> request) {
        long before = eventCount();
        assertProblem(request.get(), type);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void a_meeting_not_held_takes_no_decisions_action_items_or_minutes_approval() {
        String meeting = meeting(n.id(), scheduled);
        refused(ProblemType.RULE_VIOLATION, () -> post(meeting + "/decisions", "krefeld-chair",
                body("agendaItemId", "1", "text", "Decided too early")));
        refused(ProblemType.RULE_VIOLATION, () -> post(meeting + "/action-items", "krefeld-chair",
                body("description", "Too early", "ownerMemberId", "darmstadt", "dueOn", today().plusDays(30).toString())));
        refused(ProblemType.RULE_VIOLATION, () -> postJson(meeting + "/minutes/approval", "krefeld-chair", ""));
        // and a meeting in the future cannot be recorded as held
        refused(ProblemType.RULE_VIOLATION, () -> post(meeting + "/held", "krefeld-chair",
                body("present", List.of("krefeld"))));
    }

    @Test
    void decisions_settle_items_of_the_agenda_and_action_items_are_owned_by_members_and_due_after_the_meeting() {
        String meeting = meeting(n.id(), n.meetingId());
        refused(ProblemType.RULE_VIOLATION, () -> post(meeting + "/decisions", "krefeld-chair",
                body("agendaItemId", "7", "text", "Not on the agenda")));
        refused(ProblemType.RULE_VIOLATION, () -> post(meeting + "/action-items", "krefeld-chair",
                body("description", "Owned by a stranger", "ownerMemberId", randomId(),
                        "dueOn", today().plusDays(30).toString())));
        refused(ProblemType.RULE_VIOLATION, () -> post(meeting + "/action-items", "krefeld-chair",
                body("description", "Due before the meeting", "ownerMemberId", "darmstadt",
                        "dueOn", today().minusDays(60).toString())));
    }

    @Test
    void a_meeting_is_held_once_and_a_tenant_member_is_admitted_once() {
        refused(ProblemType.CONFLICT, () -> post(meeting(n.id(), n.meetingId()) + "/held", "krefeld-chair",
                body("present", List.of("krefeld"))));
        refused(ProblemType.CONFLICT, () -> post(network(n.id()) + "/members", "krefeld-admin",
                body("tenantId", "darmstadt", "role", "welfare organisation")));
        refused(ProblemType.RULE_VIOLATION, () -> post(network(n.id()) + "/members", "krefeld-admin",
                body("tenantId", "nowhere", "role", "council")));
    }

    @Test
    void only_the_owner_or_the_chair_progresses_an_action_item() {
        String item = n.policeItem();
        refused(ProblemType.FORBIDDEN, () -> progress(n.id(), item, "darmstadt-staff", "DONE", "not ours"));
        refused(ProblemType.FORBIDDEN, () -> progress(n.id(), item, "darmstadt-admin", "DONE", "not ours"));
        refused(ProblemType.FORBIDDEN, () -> progress(n.id(), item, "krefeld-staff", "DONE", "staff of the chair"));
        refused(ProblemType.FORBIDDEN, () -> progress(n.id(), item, "krefeld-auditor", "DONE", "auditors read"));
        refused(ProblemType.NOT_FOUND, () -> progress(n.id(), item, "kent-admin", "DONE", "not a member"));
    }

    @Test
    void only_the_chair_agencys_admins_admit_members() {
        for (String client : List.of("darmstadt-admin", "krefeld-chair", "krefeld-staff", "krefeld-auditor")) {
            refused(ProblemType.FORBIDDEN, () -> post(network(n.id()) + "/members", client,
                    body("organisation", "Verbraucherzentrale", "memberId", randomId(), "role", "consumer advice")));
        }
    }

    @Test
    void unknown_properties_and_malformed_json_are_400_problems() {
        refused(ProblemType.BAD_REQUEST, () -> post(NETWORKS, "krefeld-admin", body("name", "Unknown property",
                "foundedOn", today().toString(), "colour", "red")));
        refused(ProblemType.BAD_REQUEST, () -> post(network(n.id()) + "/meetings", "krefeld-chair",
                body("date", today().toString(), "place", "Rathaus", "room", "12")));
        refused(ProblemType.BAD_REQUEST, () -> postJson(network(n.id()) + "/members", "krefeld-admin",
                "{\"tenantId\":\"kent\",\"role\":"));
        refused(ProblemType.BAD_REQUEST, () -> postJson(meeting(n.id(), n.meetingId()) + "/decisions", "krefeld-chair",
                "not json at all"));
        refused(ProblemType.BAD_REQUEST, () -> progress(n.id(), n.policeItem(), "krefeld-chair", "FINISHED", "no such status"));
    }

    @Test
    void a_quarter_that_is_not_written_yyyy_qn_is_a_400_problem() {
        String net = network(n.id());
        for (String bad : List.of("2026-Q5", "2026Q1", "Q1-2026", "2026-q1")) {
            refused(ProblemType.VALIDATION, () -> send(request(net + "/quarters/" + bad, "krefeld-chair")
                    .header("Accept", "application/json").GET().build()));
            refused(ProblemType.VALIDATION, () -> send(request(net + "/quarters/" + bad, "krefeld-chair")
                    .header("Accept", "text/csv").GET().build()));
            refused(ProblemType.VALIDATION, () -> post(net + "/quarters/" + bad + "/review", "krefeld-chair",
                    body("summary", "A quarter")));
            refused(ProblemType.VALIDATION, () -> post(net + "/figures", "krefeld-admin",
                    body("quarter", bad, "programmeId", randomId())));
        }
    }

    @Test
    void a_quarter_of_the_right_shape_but_outside_the_calendar_is_a_400_problem_not_a_server_error() {
        String net = network(n.id());
        long before = eventCount();
        SoftAssertions softly = new SoftAssertions();
        for (String bad : List.of("0000-Q1", "1899-Q4")) {
            List<HttpResponse<String>> answers = List.of(
                    send(request(net + "/quarters/" + bad, "krefeld-chair").header("Accept", "application/json").GET().build()),
                    send(request(net + "/quarters/" + bad, "krefeld-chair").header("Accept", "text/csv").GET().build()),
                    post(net + "/figures", "krefeld-admin", body("quarter", bad, "programmeId", randomId())),
                    post(net + "/quarters/" + bad + "/review", "krefeld-chair", body("summary", "A quarter")));
            for (HttpResponse<String> answer : answers) {
                softly.assertThat(answer.statusCode()).as(answer.request().method() + " " + answer.request().uri()
                        + ": " + answer.body()).isEqualTo(ProblemType.VALIDATION.status());
            }
        }
        softly.assertThat(eventCount()).isEqualTo(before);
        softly.assertAll();
    }

    @Test
    void a_quarter_that_has_not_begun_has_no_figures_and_no_review() {
        Quarter next = Quarter.of(Quarter.of(today()).lastDay().plusDays(1));
        refused(ProblemType.RULE_VIOLATION, () -> post(network(n.id()) + "/quarters/" + next + "/review",
                "krefeld-chair", body("summary", "Too early")));
        refused(ProblemType.RULE_VIOLATION, () -> post(network(n.id()) + "/figures", "krefeld-admin",
                body("quarter", next.toString(), "programmeId", randomId())));
    }
}
