package org.roundtable.server.networks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.assertj.core.groups.Tuple;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.ProblemType;
import org.roundtable.networks.api.Quarter;

/**
 * A year of a Krefeld-like Arbeitskreis recorded over HTTP, ending in the current quarter (Q0), and
 * the chair's quarter view checked against counts made by hand. All progress on action items is
 * recorded today, so in the record every item was open until today.
 *
 * <pre>
 * members (admission order): krefeld (chair), darmstadt, police, school, youth, association, consumer, jobs
 *   (jobs is admitted the day after M3, so it is expected only at M4)
 * M1 Q-3 d1  present K D P S Y        absent A C     decision on item 1   A1 police d1+30, A2 darmstadt d1+45
 *            A1 done by the chair, then M2 is scheduled: only A2 is carried
 * M2 Q-2 d2  present K P Y A C        absent D S     decision on item 2 (carried A2)   A3 youth d2+30, A4 school d2+40
 *            darmstadt-staff moves A2 to IN_PROGRESS; M3 carries A2, A3, A4 (by due date)
 * M3 Q-1 d3  present K P A C          absent D S Y   decisions on items 1, 3   A5 consumer d3+30, A6 darmstadt d3+20,
 *            A7 association d3+50; minutes approved, then an edit is refused and an amendment added
 *            A3 done by the chair, A6 done by darmstadt-staff; M4 carries A2, A4, A5, A7
 * M4 Q0 d4 = first day of Q0  present K D P S Y J   absent A C   decision on item 1
 *            A8 jobs due after Q0, A9 krefeld due after Q0 (done by krefeld-admin)
 * figures for Q0: krefeld 6 people (5 in the reach group, 1 in none), 2 sessions, 1 event;
 *                 darmstadt 5 people (all in the reach group), 1 session, 1 event
 * </pre>
 */
@DisplayName("A year of a Krefeld-like network over HTTP")
class KrefeldNetworkYearIT extends NetworksApplicationTest {

    private static final String K = "krefeld";
    private static final String D = "darmstadt";

    @Test
    void the_chair_signs_off_a_quarter_whose_view_matches_the_year_counted_by_hand() throws InterruptedException {
        LocalDate today = today();
        Quarter q0 = Quarter.of(today);
        LocalDate founded = q0.firstDay().minusMonths(9);
        LocalDate d1 = founded.plusDays(20);
        LocalDate d2 = q0.firstDay().minusMonths(6).plusDays(20);
        LocalDate d3 = q0.firstDay().minusMonths(3).plusDays(20);
        LocalDate d4 = q0.firstDay();
        Quarter previous = Quarter.of(d3);

        // founding and members
        String net = foundNetwork("krefeld-admin", "Arbeitskreis Südosteuropa", founded, "Kommunales Integrationszentrum");
        admitTenant(net, D, "welfare organisation", founded);
        String p = admitOrganisation(net, "Polizeipräsidium Krefeld", "police", founded);
        String s = admitOrganisation(net, "Fachbereich Schule", "school department", founded);
        String y = admitOrganisation(net, "Fachbereich Jugendhilfe", "youth welfare", founded);
        String a = admitOrganisation(net, "Romano Vereinigung", "migrant association", founded);
        String c = admitOrganisation(net, "Verbraucherzentrale", "consumer advice centre", founded);

        // M1
        String m1 = schedule(net, d1, "Rathaus Krefeld", List.of("Terms of reference", "School attendance in the inner city"));
        assertThat(agenda(net, m1)).containsExactly(
                tuple("1", "Terms of reference", null), tuple("2", "School attendance in the inner city", null));
        hold(net, m1, List.of(K, D, p, s, y), "Founding meeting: terms of reference agreed");
        decide(net, m1, "1", "The Arbeitskreis meets quarterly in the town hall");
        String a1 = openItem(net, m1, p, "Report on housing inspections", d1.plusDays(30));
        String a2 = openItem(net, m1, D, "Questionnaire in simple language", d1.plusDays(45));
        approveMinutes(net, m1);
        accepted(progress(net, a1, "krefeld-chair", "DONE", "reported to the district conference"));

        // M2: the closed A1 stays off the agenda, the open A2 is carried
        String m2 = schedule(net, d2, "Rathaus Krefeld", List.of("Youth welfare offers for families"));
        assertThat(agenda(net, m2)).containsExactly(
                tuple("1", "Youth welfare offers for families", null),
                tuple("2", "Questionnaire in simple language", a2));
        hold(net, m2, List.of(K, p, y, a, c), "Youth welfare offers discussed");
        decide(net, m2, "2", "The questionnaire is piloted in Kranichstein first");
        String a3 = openItem(net, m2, y, "Youth centre opening hours", d2.plusDays(30));
        String a4 = openItem(net, m2, s, "School absence figures", d2.plusDays(40));
        approveMinutes(net, m2);
        // the owner's own staff progress their item
        accepted(progress(net, a2, "darmstadt-staff", "IN_PROGRESS", "draft circulated"));

        // M3: every open item of earlier meetings, by due date
        String m3 = schedule(net, d3, "Rathaus Krefeld", List.of("Energy contracts and consumer advice"));
        assertThat(agenda(net, m3)).containsExactly(
                tuple("1", "Energy contracts and consumer advice", null),
                tuple("2", "Questionnaire in simple language", a2),
                tuple("3", "Youth centre opening hours", a3),
                tuple("4", "School absence figures", a4));
        hold(net, m3, List.of(K, p, a, c), "Energy contracts: advice days planned");
        decide(net, m3, "1", "Two advice days in the district");
        decide(net, m3, "3", "The youth centre opens on Saturdays");
        String a5 = openItem(net, m3, c, "Consumer advice leaflet", d3.plusDays(30));
        String a6 = openItem(net, m3, D, "Translate the leaflet", d3.plusDays(20));
        String a7 = openItem(net, m3, a, "Plan International Roma Day", d3.plusDays(50));
        approveMinutes(net, m3);

        // approved minutes never change: an edit is refused and an amendment shows beside them
        long beforeEdit = eventCount();
        assertProblem(put(meeting(net, m3) + "/minutes", "krefeld-chair", body("text", "Rewritten minutes")),
                ProblemType.CONFLICT);
        assertThat(eventCount()).isEqualTo(beforeEdit);
        created(meeting(net, m3) + "/minutes/amendments", "krefeld-chair",
                body("text", "Correction: the advice days are in May"));
        JsonNode m3View = getJson(meeting(net, m3), "darmstadt-staff");
        assertThat(m3View.get("minutes").asText()).isEqualTo("Energy contracts: advice days planned");
        assertThat(m3View.get("minutesApproved").asBoolean()).isTrue();
        assertThat(elements(m3View.get("amendments"))).singleElement().satisfies(amendment -> {
            assertThat(amendment.get("text").asText()).isEqualTo("Correction: the advice days are in May");
            assertThat(amendment.get("by").asText()).isEqualTo("krefeld-chair");
        });
        assertThat(m3View.get("present")).extracting(JsonNode::asText).containsExactly(K, p, a, c);
        assertThat(m3View.get("absent")).extracting(JsonNode::asText).containsExactly(D, s, y);

        String j = admitOrganisation(net, "Jobcenter Krefeld", "unemployment centre", d3.plusDays(1));
        accepted(progress(net, a3, "krefeld-chair", "DONE", "opening hours extended"));
        accepted(progress(net, a6, "darmstadt-staff", "DONE", "leaflet translated"));

        // progress by a member that does not own the item, or by staff of the chair without the chair role
        long beforeRefusals = eventCount();
        assertProblem(progress(net, a5, "darmstadt-staff", "DONE", "not ours"), ProblemType.FORBIDDEN);
        assertProblem(progress(net, a5, "krefeld-staff", "DONE", "not ours"), ProblemType.FORBIDDEN);
        assertThat(eventCount()).isEqualTo(beforeRefusals);

        // the members record their programmes for Q0 meanwhile: the waits for read models overlap, and no
        // event count is taken from here on
        String code = "suedost-" + randomId().substring(0, 8);
        LocalDate end = q0.lastDay().plusYears(1);
        ExecutorService recorders = Executors.newFixedThreadPool(2);
        Future<RecordedProgramme> krefeldRecording = recorders.submit(() -> recordProgramme(K, "Krefeld", code, 5, 1,
                "COUNSELLING", 2, "COMMUNITY_EVENT", 1, founded, end, d4));
        Future<RecordedProgramme> darmstadtRecording = recorders.submit(() -> recordProgramme(D, "Darmstadt", code, 5, 0,
                "TRAINING_COURSE", 1, "EXCURSION", 1, founded, end, d4));
        RecordedProgramme krefeld;
        RecordedProgramme darmstadt;
        String m4;
        String decision4;
        String a8;
        String a9;
        try {
            // M4 in the current quarter
            m4 = schedule(net, d4, "Rathaus Krefeld", List.of("Review of the year and plans"));
            assertThat(agenda(net, m4)).containsExactly(
                    tuple("1", "Review of the year and plans", null),
                    tuple("2", "Questionnaire in simple language", a2),
                    tuple("3", "School absence figures", a4),
                    tuple("4", "Consumer advice leaflet", a5),
                    tuple("5", "Plan International Roma Day", a7));
            hold(net, m4, List.of(K, D, p, s, y, j), "The year reviewed");
            decision4 = decide(net, m4, "1", "Continue in the same form next year");
            a8 = openItem(net, m4, j, "Job fair for newcomers", q0.lastDay().plusDays(30));
            a9 = openItem(net, m4, K, "Annual report to the council", q0.lastDay().plusDays(10));
            approveMinutes(net, m4);
            accepted(progress(net, a9, "krefeld-admin", "DONE", "report sent"));

            krefeld = finished(krefeldRecording);
            darmstadt = finished(darmstadtRecording);
        } finally {
            // a failure above must not leave recorders appending events while later tests count them
            recorders.shutdownNow();
            assertThat(recorders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        // figures shared from the members' programmes for Q0
        accepted(post(network(net) + "/figures", "krefeld-admin", body("quarter", q0.toString(), "programmeId", krefeld.id())));
        accepted(post(network(net) + "/figures", "darmstadt-admin",
                body("quarter", q0.toString(), "programmeId", darmstadt.id())));

        accepted(post(network(net) + "/quarters/" + q0 + "/review", "krefeld-chair",
                body("summary", "Four meetings held; four items overdue")));
        TrackedEventMessage<?> signed = lastEvent(net, ofType("QuarterReviewSigned"));

        // --- the signed quarter, counted by hand ---
        String quarterPath = network(net) + "/quarters/" + q0;
        JsonNode view = getJson(quarterPath, "krefeld-chair");
        assertThat(view.get("networkId").asText()).isEqualTo(net);
        assertThat(view.get("quarter").asText()).isEqualTo(q0.toString());
        assertThat(view.get("from").asText()).isEqualTo(q0.firstDay().toString());
        assertThat(view.get("to").asText()).isEqualTo(q0.lastDay().toString());
        assertThat(view.get("asOf").asText()).isEqualTo(today.toString());

        assertThat(elements(view.get("meetings"))).singleElement().satisfies(meeting -> {
            assertThat(meeting.get("meetingId").asText()).isEqualTo(m4);
            assertThat(meeting.get("date").asText()).isEqualTo(d4.toString());
            assertThat(meeting.get("status").asText()).isEqualTo("HELD");
            assertThat(meeting.get("minutesApproved").asBoolean()).isTrue();
        });

        assertThat(attendance(view)).containsExactly(
                tuple(K, "krefeld", 1, 1, 1.0), tuple(D, "darmstadt", 1, 1, 1.0),
                tuple(p, "Polizeipräsidium Krefeld", 1, 1, 1.0), tuple(s, "Fachbereich Schule", 1, 1, 1.0),
                tuple(y, "Fachbereich Jugendhilfe", 1, 1, 1.0), tuple(a, "Romano Vereinigung", 1, 0, 0.0),
                tuple(c, "Verbraucherzentrale", 1, 0, 0.0), tuple(j, "Jobcenter Krefeld", 1, 1, 1.0));

        assertThat(elements(view.get("decisions"))).singleElement().satisfies(decision -> {
            assertThat(decision.get("decisionId").asText()).isEqualTo(decision4);
            assertThat(decision.get("meetingId").asText()).isEqualTo(m4);
            assertThat(decision.get("agendaItemId").asText()).isEqualTo("1");
            assertThat(decision.get("agendaItem").asText()).isEqualTo("Review of the year and plans");
            assertThat(decision.get("text").asText()).isEqualTo("Continue in the same form next year");
        });

        // every item was open at some point of Q0 (all progress is recorded today); ordered by opening, then due date
        assertThat(items(view)).containsExactly(
                tuple(a1, p, "DONE", false), tuple(a2, D, "IN_PROGRESS", true),
                tuple(a3, y, "DONE", false), tuple(a4, s, "OPEN", true),
                tuple(a6, D, "DONE", false), tuple(a5, c, "OPEN", true), tuple(a7, a, "OPEN", true),
                tuple(a9, K, "DONE", false), tuple(a8, j, "OPEN", false));
        // opened in Q0, done in Q0, open and overdue as of today
        assertThat(byOwner(view)).containsExactly(
                tuple(K, 1, 1, 0, 0), tuple(D, 0, 1, 1, 1), tuple(p, 0, 1, 0, 0), tuple(s, 0, 0, 1, 1),
                tuple(y, 0, 1, 0, 0), tuple(a, 0, 0, 1, 1), tuple(c, 0, 0, 1, 1), tuple(j, 1, 0, 1, 0));

        List<JsonNode> shares = elements(view.get("figures"));
        assertThat(shares).hasSize(2);
        assertShare(shares.get(0), K, krefeld, "krefeld-admin", 6, 2, 1,
                counts("none", null, code, 5), position(signed));
        assertShare(shares.get(1), D, darmstadt, "darmstadt-admin", 5, 1, 1,
                counts(code, 5), position(signed));

        JsonNode totals = view.get("totals");
        assertThat(totals.get("shares").asInt()).isEqualTo(2);
        assertThat(totals.get("peopleReached").asInt()).isEqualTo(11);
        assertThat(totals.get("peopleReachedIncomplete").asBoolean()).isFalse();
        assertThat(totals.get("sessions").asInt()).isEqualTo(3);
        assertThat(totals.get("events").asInt()).isEqualTo(2);
        assertThat(elements(totals.get("byReachGroup")))
                .extracting(group -> group.get("reachGroup").asText(), group -> group.get("peopleReached").asInt(),
                        group -> group.get("incomplete").asBoolean())
                .containsExactlyInAnyOrder(tuple("none", 0, true), tuple(code, 10, false));

        JsonNode review = view.get("review");
        assertThat(review.get("summary").asText()).isEqualTo("Four meetings held; four items overdue");
        assertThat(review.get("signedOn").asText()).isEqualTo(today.toString());
        assertThat(review.get("signedBy").asText()).isEqualTo("krefeld-chair");
        assertThat(review.get("ledgerPosition").asLong()).isEqualTo(position(signed)).isPositive();
        assertThat(review.get("version").asLong()).isEqualTo(sequence(signed));
        assertThat(getJson(network(net), "krefeld-staff").get("reviewedQuarters").get(0).asText())
                .isEqualTo(q0.toString());

        // JSON is the default without an Accept header, and a member reads the same signed quarter
        HttpResponse<String> plain = get(quarterPath, "krefeld-chair");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(200);
        assertThat(json(plain)).isEqualTo(view);
        assertThat(getJson(quarterPath, "darmstadt-auditor")).isEqualTo(view);

        // --- the CSV carries the same numbers ---
        assertCsvCarriesTheSameNumbers(quarterPath, view);

        // --- the overdue view: open items past due as of today, by owner in membership order ---
        JsonNode overdue = getJson(network(net) + "/action-items/overdue", "darmstadt-staff");
        assertThat(overdue.get("asOf").asText()).isEqualTo(today.toString());
        Map<String, List<String>> overdueByOwner = new LinkedHashMap<>();
        elements(overdue.get("owners")).forEach(owner ->
                overdueByOwner.put(owner.get("memberId").asText(), texts(owner.get("items"), "actionItemId")));
        assertThat(overdueByOwner).containsExactly(
                Map.entry(D, List.of(a2)), Map.entry(s, List.of(a4)), Map.entry(a, List.of(a7)),
                Map.entry(c, List.of(a5)));
        assertThat(elements(overdue.get("owners")).get(0).get("name").asText()).isEqualTo("darmstadt");

        // --- the quarter before, unsigned, as of its last day: nothing was done yet, everything was overdue ---
        JsonNode before = getJson(network(net) + "/quarters/" + previous, "krefeld-chair");
        assertThat(before.get("asOf").asText()).isEqualTo(previous.lastDay().toString());
        assertThat(before.get("review").isNull()).isTrue();
        assertThat(texts(before.get("meetings"), "meetingId")).containsExactly(m3);
        assertThat(texts(before.get("decisions"), "agendaItemId")).containsExactly("1", "3");
        assertThat(attendance(before)).containsExactly(
                tuple(K, "krefeld", 1, 1, 1.0), tuple(D, "darmstadt", 1, 0, 0.0),
                tuple(p, "Polizeipräsidium Krefeld", 1, 1, 1.0), tuple(s, "Fachbereich Schule", 1, 0, 0.0),
                tuple(y, "Fachbereich Jugendhilfe", 1, 0, 0.0), tuple(a, "Romano Vereinigung", 1, 1, 1.0),
                tuple(c, "Verbraucherzentrale", 1, 1, 1.0), tuple(j, "Jobcenter Krefeld", 0, 0, null));
        assertThat(items(before)).containsExactly(
                tuple(a1, p, "OPEN", true), tuple(a2, D, "OPEN", true), tuple(a3, y, "OPEN", true),
                tuple(a4, s, "OPEN", true), tuple(a6, D, "OPEN", true), tuple(a5, c, "OPEN", true),
                tuple(a7, a, "OPEN", true));
        assertThat(byOwner(before)).containsExactly(
                tuple(D, 1, 0, 2, 2), tuple(p, 0, 0, 1, 1), tuple(s, 0, 0, 1, 1), tuple(y, 0, 0, 1, 1),
                tuple(a, 1, 0, 1, 1), tuple(c, 1, 0, 1, 1));
        assertThat(before.get("figures").isEmpty()).isTrue();
        assertThat(before.get("totals").get("shares").asInt()).isZero();
    }

    private void assertCsvCarriesTheSameNumbers(String path, JsonNode view) {
        HttpResponse<String> response = getCsv(path, "krefeld-chair");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        List<Map<String, String>> table = csv(response.body());
        assertThat(table).allSatisfy(row -> assertThat(row.get("quarter")).isEqualTo(view.get("quarter").asText()));

        assertThat(section(table, "meeting")).extracting(row -> tuple(row.get("meeting_id"), row.get("date"), row.get("status")))
                .containsExactlyElementsOf(elements(view.get("meetings")).stream().map(meeting -> tuple(
                        meeting.get("meetingId").asText(), meeting.get("date").asText(), meeting.get("status").asText()))
                        .toList());
        assertThat(section(table, "attendance")).extracting(row -> tuple(row.get("member_id"), row.get("meetings_held"),
                        row.get("attended"), row.get("attendance_rate")))
                .containsExactlyElementsOf(elements(view.get("attendance")).stream().map(row -> tuple(
                        row.get("memberId").asText(), row.get("meetingsHeld").asText(), row.get("attended").asText(),
                        row.get("rate").isNull() ? "" : row.get("rate").asText())).toList());
        assertThat(section(table, "decision")).extracting(row -> tuple(row.get("item_id"), row.get("text")))
                .containsExactlyElementsOf(elements(view.get("decisions")).stream().map(decision -> tuple(
                        decision.get("decisionId").asText(), decision.get("text").asText())).toList());
        assertThat(section(table, "action_item")).extracting(row -> tuple(row.get("item_id"), row.get("member_id"),
                        row.get("status"), row.get("overdue"), row.get("due_on")))
                .containsExactlyElementsOf(elements(view.get("actionItems")).stream().map(item -> tuple(
                        item.get("actionItemId").asText(), item.get("ownerMemberId").asText(), item.get("status").asText(),
                        item.get("overdue").asText(), item.get("dueOn").asText())).toList());
        assertThat(section(table, "action_items_by_owner")).extracting(row -> tuple(row.get("member_id"),
                        row.get("opened"), row.get("done"), row.get("open"), row.get("overdue")))
                .containsExactlyElementsOf(elements(view.get("actionItemsByOwner")).stream().map(owner -> tuple(
                        owner.get("memberId").asText(), owner.get("opened").asText(), owner.get("done").asText(),
                        owner.get("open").asText(), owner.get("overdue").asText())).toList());
        assertThat(section(table, "figures")).extracting(row -> tuple(row.get("member_id"), row.get("programme_id"),
                        row.get("people_reached"), row.get("suppressed"), row.get("sessions"), row.get("events"),
                        row.get("ledger_position")))
                .containsExactlyElementsOf(elements(view.get("figures")).stream().map(share -> tuple(
                        share.get("memberId").asText(), share.get("programmeId").asText(),
                        share.get("figures").get("peopleReached").asText(),
                        share.get("figures").get("peopleReachedSuppressed").asText(),
                        share.get("figures").get("sessions").asText(), share.get("figures").get("events").asText(),
                        share.get("figures").get("ledgerPosition").asText())).toList());
        assertThat(section(table, "figures_by_reach_group")).extracting(row -> tuple(row.get("member_id"),
                        row.get("reach_group"), row.get("people_reached"), row.get("suppressed")))
                .containsExactlyElementsOf(elements(view.get("figures")).stream().flatMap(share ->
                        elements(share.get("figures").get("byReachGroup")).stream().map(group -> tuple(
                                share.get("memberId").asText(), group.get("reachGroup").asText(),
                                group.get("peopleReached").isNull() ? "" : group.get("peopleReached").asText(),
                                group.get("suppressed").asText()))).toList());
        JsonNode totals = view.get("totals");
        assertThat(section(table, "total")).singleElement().satisfies(row -> {
            assertThat(row.get("people_reached")).isEqualTo(totals.get("peopleReached").asText()).isEqualTo("11");
            assertThat(row.get("suppressed")).isEqualTo("false");
            assertThat(row.get("sessions")).isEqualTo("3");
            assertThat(row.get("events")).isEqualTo("2");
        });
        assertThat(section(table, "total_by_reach_group")).extracting(row -> tuple(row.get("reach_group"),
                        row.get("people_reached"), row.get("suppressed")))
                .containsExactlyElementsOf(elements(totals.get("byReachGroup")).stream().map(group -> tuple(
                        group.get("reachGroup").asText(), group.get("peopleReached").asText(),
                        group.get("incomplete").asText())).toList());
        assertThat(section(table, "review")).singleElement().satisfies(row -> {
            assertThat(row.get("ledger_position")).isEqualTo(view.get("review").get("ledgerPosition").asText());
            assertThat(row.get("date")).isEqualTo(view.get("review").get("signedOn").asText());
            assertThat(row.get("text")).isEqualTo(view.get("review").get("summary").asText());
        });
    }

    private void assertShare(JsonNode share, String memberId, RecordedProgramme programme, String sharedBy, int people,
                             int sessions, int events, Map<String, Integer> groups, long reviewPosition) {
        assertThat(share.get("memberId").asText()).isEqualTo(memberId);
        assertThat(share.get("name").asText()).isEqualTo(memberId);
        assertThat(share.get("programmeId").asText()).isEqualTo(programme.id());
        assertThat(share.get("sharedBy").asText()).isEqualTo(sharedBy);
        JsonNode figures = share.get("figures");
        assertThat(figures.get("peopleReached").asInt()).isEqualTo(people);
        assertThat(figures.get("peopleReachedSuppressed").asBoolean()).isFalse();
        assertThat(figures.get("sessions").asInt()).isEqualTo(sessions);
        assertThat(figures.get("events").asInt()).isEqualTo(events);
        Map<String, Integer> shown = new LinkedHashMap<>();
        elements(figures.get("byReachGroup")).forEach(group -> {
            boolean suppressed = group.get("suppressed").asBoolean();
            assertThat(group.get("peopleReached").isNull()).isEqualTo(suppressed);
            shown.put(group.get("reachGroup").asText(), suppressed ? null : group.get("peopleReached").asInt());
        });
        assertThat(shown).containsExactlyInAnyOrderEntriesOf(groups);
        // the figures name a ledger position that covers every session recorded for them, before the signing
        assertThat(figures.get("ledgerPosition").asLong()).isPositive()
                .isGreaterThanOrEqualTo(programme.reflectsAtLeast()).isLessThan(reviewPosition);
    }

    /** The result of a recording run on another thread; its assertion errors fail this test. */
    private static RecordedProgramme finished(Future<RecordedProgramme> recording) {
        try {
            return recording.get(3, TimeUnit.MINUTES);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof Error error) {
                throw error;
            }
            throw new AssertionError("recording a programme failed", failed.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("recording a programme did not finish", e);
        }
    }

    /** People reached by reach group; null for a suppressed count. */
    private static Map<String, Integer> counts(Object... groupsAndCounts) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < groupsAndCounts.length; i += 2) {
            counts.put((String) groupsAndCounts[i], (Integer) groupsAndCounts[i + 1]);
        }
        return counts;
    }

    private List<Tuple> agenda(String net, String meetingId) {
        return elements(getJson(meeting(net, meetingId), "krefeld-chair").get("agenda")).stream()
                .map(item -> tuple(item.get("agendaItemId").asText(), item.get("title").asText(),
                        item.get("carriedActionItemId").isNull() ? null : item.get("carriedActionItemId").asText()))
                .toList();
    }

    private static List<Tuple> attendance(JsonNode view) {
        return elements(view.get("attendance")).stream()
                .map(row -> tuple(row.get("memberId").asText(), row.get("name").asText(), row.get("meetingsHeld").asInt(),
                        row.get("attended").asInt(), row.get("rate").isNull() ? null : row.get("rate").asDouble()))
                .toList();
    }

    private static List<Tuple> items(JsonNode view) {
        return elements(view.get("actionItems")).stream()
                .map(item -> tuple(item.get("actionItemId").asText(), item.get("ownerMemberId").asText(),
                        item.get("status").asText(), item.get("overdue").asBoolean()))
                .toList();
    }

    private static List<Tuple> byOwner(JsonNode view) {
        return elements(view.get("actionItemsByOwner")).stream()
                .map(owner -> tuple(owner.get("memberId").asText(), owner.get("opened").asInt(), owner.get("done").asInt(),
                        owner.get("open").asInt(), owner.get("overdue").asInt()))
                .toList();
    }
}
