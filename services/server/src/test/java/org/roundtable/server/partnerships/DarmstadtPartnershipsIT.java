package org.roundtable.server.partnerships;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roundtable.kernel.ProblemType;

@DisplayName("Darmstadt's integration partnerships and partner organisations, over HTTP")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DarmstadtPartnershipsIT extends PartnershipsApplicationTest {

    private static final String ADMIN = "darmstadt-admin";
    private static final String STAFF = "darmstadt-staff";

    private LocalDate programmeStart;
    private String programme;

    @BeforeAll
    void aProgrammeWithReachGroupsForPartners() {
        ensurePartnerReachGroups(ADMIN);
        programmeStart = daysAgo(120);
        programme = launchProgramme(ADMIN, "Integrationspartnerschaften Kranichstein", programmeStart, daysAgo(-200));
    }

    @Test
    @DisplayName("an admin registers organisations, follows an association's development and archives a school that new activities then cannot reference")
    void organisationsAndAssociationDevelopment() {
        String association = registerOrganisation(ADMIN, "Verein " + capitalized(letters(8)), "migrant-association",
                "Darmstadt", "chair of the board");
        String school = registerOrganisation(ADMIN, "Grundschule " + capitalized(letters(8)), "primary-school",
                "Darmstadt", "head teacher");
        JsonNode read = getJson(ORGANISATIONS + "/" + association, STAFF);
        assertThat(read.get("kind").asText()).isEqualTo("migrant-association");
        assertThat(read.get("status").asText()).isEqualTo("active");
        assertThat(read.get("roleContact").asText()).isEqualTo("chair of the board");

        // recorded out of date order: the timeline sorts by date, not by when it was typed in
        String statutes = createEntry(ORGANISATIONS + "/" + association + "/milestones", ADMIN, toJson(Map.of(
                "milestone", "statutes-adopted", "date", daysAgo(30).toString(), "evidence", "statutes registered at court")),
                ORGANISATIONS + "/" + association + "/development");
        String grant = recordSupport(association, Map.of("kind", "funding", "date", daysAgo(40).toString(),
                "amount", new BigDecimal("1500.00"), "currency", "EUR", "note", "grant for the summer festival"));
        String workshop = recordSupport(association, Map.of("kind", "workshop", "date", daysAgo(20).toString(),
                "note", "public relations workshop"));
        String firstEvent = createEntry(ORGANISATIONS + "/" + association + "/milestones", ADMIN, toJson(Map.of(
                "milestone", "first-own-event", "date", daysAgo(10).toString(), "evidence", "held its own district festival")),
                ORGANISATIONS + "/" + association + "/development");
        String topUp = recordSupport(association, Map.of("kind", "funding", "date", daysAgo(5).toString(),
                "amount", new BigDecimal("250.50"), "currency", "EUR", "note", "materials for a course"));

        assertProblem(postJson(ORGANISATIONS + "/" + association + "/milestones", ADMIN, toJson(Map.of(
                "milestone", "statutes-adopted", "date", daysAgo(2).toString(), "evidence", "again"))), ProblemType.CONFLICT);
        assertProblem(postJson(ORGANISATIONS + "/" + school + "/support", ADMIN, toJson(Map.of("kind", "advice",
                "date", daysAgo(3).toString(), "note", "advice on a school trip"))), ProblemType.RULE_VIOLATION);

        JsonNode development = getJson(ORGANISATIONS + "/" + association + "/development", STAFF);
        assertThat(elements(development.get("timeline")))
                .extracting(entry -> entry.get("id").asText(), entry -> entry.get("date").asText(),
                        entry -> entry.get("type").asText(), entry -> entry.get("what").asText())
                .containsExactly(
                        tuple(grant, daysAgo(40).toString(), "support", "funding"),
                        tuple(statutes, daysAgo(30).toString(), "milestone", "statutes-adopted"),
                        tuple(workshop, daysAgo(20).toString(), "support", "workshop"),
                        tuple(firstEvent, daysAgo(10).toString(), "milestone", "first-own-event"),
                        tuple(topUp, daysAgo(5).toString(), "support", "funding"));
        assertThat(elements(development.get("timeline"))).allSatisfy(
                entry -> assertThat(entry.get("recordedBy").asText()).isEqualTo(ADMIN));
        assertThat(elements(development.get("milestonesReached")))
                .extracting(reached -> reached.get("milestone").asText(), reached -> reached.get("reachedOn").asText())
                .containsExactlyInAnyOrder(tuple("statutes-adopted", daysAgo(30).toString()),
                        tuple("first-own-event", daysAgo(10).toString()));
        assertThat(elements(development.get("fundingTotals")))
                .extracting(total -> total.get("currency").asText(),
                        total -> total.get("total").decimalValue().stripTrailingZeros())
                .containsExactly(tuple("EUR", new BigDecimal("1750.5")));

        // archived, never deleted: still readable, but no longer a partner new activities may name
        HttpResponse<String> archived = postJson(ORGANISATIONS + "/" + school + "/archive", ADMIN,
                "{\"reason\":\"the school ended the cooperation\"}");
        assertThat(archived.statusCode()).as(archived.body()).isEqualTo(204);
        JsonNode archivedSchool = getJson(ORGANISATIONS + "/" + school, STAFF);
        assertThat(archivedSchool.get("status").asText()).isEqualTo("archived");
        assertThat(archivedSchool.get("archiveReason").asText()).isEqualTo("the school ended the cooperation");
        assertThat(ids(getJson(ORGANISATIONS + "?status=archived&size=200", STAFF).get("items"))).contains(school);
        assertThat(ids(getJson(ORGANISATIONS + "?status=active&size=200", STAFF).get("items")))
                .contains(association).doesNotContain(school);
        assertProblem(put(ORGANISATIONS + "/" + school, ADMIN, toJson(Map.of("name", "Grundschule renamed",
                "kind", "primary-school")), "If-Match", archived.headers().firstValue("ETag").orElseThrow()),
                ProblemType.CONFLICT);

        TrackingToken mark = ledgerMark();
        HttpResponse<String> withArchived = postJson("/api/programmes/" + programme + "/activities", ADMIN,
                activityWithPartners(programmeStart, List.of(association, school)));
        assertProblem(withArchived, ProblemType.RULE_VIOLATION);
        assertThat(eventsWrittenBy(mark, ADMIN)).as("a refused activity leaves nothing in the ledger").isEmpty();
        String activity = create("/api/programmes/" + programme + "/activities", ADMIN,
                activityWithPartners(programmeStart, List.of(association)), "/api/activities");
        assertThat(texts(getJson("/api/activities/" + activity, STAFF).get("partnerOrganisationIds")))
                .containsExactly(association);
    }

    @Test
    @DisplayName("staff form a partnership, log meetings and check-ins, end it with an outcome, and nothing more can be logged on it")
    void aPartnershipsLifeCycle() {
        String localName = someName();
        String immigrantName = someName();
        String local = registerPerson(STAFF, localName, LOCAL);
        String immigrant = registerPerson(STAFF, immigrantName, IMMIGRANT);

        JsonNode created = formed(STAFF, local, immigrant, List.of("language-exchange", "common-hobby"), programme,
                daysAgo(30));
        assertThat(created.get("warnings")).as("one local and one immigrant partner: no warning").isEmpty();
        String id = created.get("id").asText();
        String path = PARTNERSHIPS + "/" + id;

        JsonNode partnership = getJson(path, STAFF);
        assertThat(partnership.get("status").asText()).isEqualTo("active");
        assertThat(elements(partnership.get("partners")))
                .extracting(p -> p.get("participantId").asText(), p -> p.get("fullName").asText(),
                        p -> p.get("erased").asBoolean())
                .containsExactlyInAnyOrder(tuple(local, localName, false), tuple(immigrant, immigrantName, false));
        assertThat(texts(partnership.get("purposes"))).containsExactly("language-exchange", "common-hobby");
        assertThat(partnership.get("programmeId").asText()).isEqualTo(programme);
        assertThat(partnership.get("formedOn").asText()).isEqualTo(daysAgo(30).toString());
        assertThat(partnership.get("coordinatorId").asText()).as("defaults to the caller").isEqualTo(STAFF);

        assertThat(logMeeting(STAFF, id, daysAgo(25), "language café at the library").statusCode()).isEqualTo(201);
        assertThat(logMeeting(STAFF, id, daysAgo(18), "cooked together").statusCode()).isEqualTo(201);
        assertProblem(logMeeting(STAFF, id, daysAgo(31), "before they had met"), ProblemType.RULE_VIOLATION);
        HttpResponse<String> checkedIn = checkIn(STAFF, id, daysAgo(15), "on-track", "they meet every week");
        assertThat(checkedIn.statusCode()).as(checkedIn.body()).isEqualTo(201);

        assertThat(elements(getJson(path + "/meetings", STAFF).get("items")))
                .extracting(m -> m.get("meetingDate").asText(), m -> m.get("activity").asText(),
                        m -> m.get("loggedBy").asText())
                .containsExactly(tuple(daysAgo(25).toString(), "language café at the library", STAFF),
                        tuple(daysAgo(18).toString(), "cooked together", STAFF));
        JsonNode running = getJson(path, STAFF);
        assertThat(running.get("meetingCount").asInt()).isEqualTo(2);
        assertThat(running.get("lastMeetingOn").asText()).isEqualTo(daysAgo(18).toString());
        assertThat(elements(running.get("checkIns")))
                .extracting(c -> c.get("checkedOn").asText(), c -> c.get("assessment").asText(),
                        c -> c.get("note").asText())
                .containsExactly(tuple(daysAgo(15).toString(), "on-track", "they meet every week"));

        assertProblem(end(STAFF, id, "goal-reached", "ended before the last check-in", daysAgo(16)),
                ProblemType.RULE_VIOLATION);
        HttpResponse<String> ended = end(STAFF, id, "goal-reached", "the language goal was reached", daysAgo(2));
        assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
        JsonNode over = getJson(path, STAFF);
        assertThat(over.get("status").asText()).isEqualTo("ended");
        assertThat(over.get("outcome").asText()).isEqualTo("goal-reached");
        assertThat(over.get("endReason").asText()).isEqualTo("the language goal was reached");
        assertThat(over.get("endedOn").asText()).isEqualTo(daysAgo(2).toString());

        TrackingToken mark = ledgerMark();
        assertProblem(logMeeting(STAFF, id, daysAgo(1), "one more coffee"), ProblemType.CONFLICT);
        assertProblem(checkIn(STAFF, id, daysAgo(1), "on-track", "after the end"), ProblemType.CONFLICT);
        assertProblem(end(STAFF, id, "dissolved", "ended twice", daysAgo(1)), ProblemType.CONFLICT);
        assertThat(eventsWrittenBy(mark, STAFF)).isEmpty();
        assertThat(getJson(path, STAFF).get("meetingCount").asInt()).isEqualTo(2);

        // ending released the pair: the same two people may start again
        JsonNode again = formed(STAFF, immigrant, local, List.of("everyday-support"), programme, daysAgo(1));
        assertThat(again.get("id").asText()).isNotEqualTo(id);
        assertThat(eventsWrittenBy(mark, STAFF)).as("the ledger check sees what staff write")
                .contains("PartnershipFormed", "PartnerPairClaimed");
    }

    @Test
    @DisplayName("two local partners are formed with a warning, and a pair cannot have two active partnerships")
    void warningsAndOneActivePartnershipPerPair() {
        String first = registerPerson(STAFF, someName(), LOCAL);
        String second = registerPerson(STAFF, someName(), LOCAL);

        JsonNode created = formed(STAFF, first, second, List.of("common-hobby"), programme, daysAgo(7));
        assertThat(texts(created.get("warnings"))).singleElement().asString().contains("local").contains("immigrant");
        assertThat(getJson(PARTNERSHIPS + "/" + created.get("id").asText(), STAFF).get("status").asText())
                .isEqualTo("active");

        TrackingToken mark = ledgerMark();
        assertProblem(form(STAFF, first, second, List.of("language-exchange"), programme, daysAgo(1)),
                ProblemType.CONFLICT);
        assertProblem(form(STAFF, second, first, List.of("language-exchange"), programme, daysAgo(1)),
                ProblemType.CONFLICT);
        assertThat(eventsWrittenBy(mark, STAFF)).as("refused formations leave nothing in the ledger").isEmpty();
        assertThat(ids(getJson(PARTNERSHIPS + "?participantId=" + first, STAFF).get("items")))
                .containsExactly(created.get("id").asText());
    }

    @Test
    @DisplayName("of several formations for one pair sent at the same moment exactly one is accepted, the others answer 409")
    void concurrentFormationsForOnePair() throws Exception {
        String first = registerPerson(STAFF, someName(), LOCAL);
        String second = registerPerson(STAFF, someName(), IMMIGRANT);
        int attempts = 4;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                boolean reversed = i % 2 == 1;
                answers.add(pool.submit(() -> {
                    start.await();
                    return form(STAFF, reversed ? second : first, reversed ? first : second, List.of("language-exchange"),
                            programme, daysAgo(1));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses).as(statuses.toString()).containsOnly(201, 409).containsOnlyOnce(201);
        } finally {
            pool.shutdownNow();
        }
        JsonNode partnerships = getJson(PARTNERSHIPS + "?participantId=" + first, STAFF);
        assertThat(partnerships.get("total").asLong()).isEqualTo(1);
        assertThat(partnerships.get("items").get(0).get("status").asText()).isEqualTo("active");
    }

    @Test
    @DisplayName("the figures per programme and per purpose count what was formed, active and ended in a period")
    void figuresPerProgrammeAndPurpose() {
        Map<String, List<Long>> tallyBefore = purposeTally(STAFF);
        String programmeA = launchProgramme(ADMIN, "Partnerschaften A " + letters(5), daysAgo(120), daysAgo(-100));
        String programmeB = launchProgramme(ADMIN, "Partnerschaften B " + letters(5), daysAgo(120), daysAgo(-100));
        String local1 = registerPerson(STAFF, someName(), LOCAL);
        String local2 = registerPerson(STAFF, someName(), LOCAL);
        String immigrant1 = registerPerson(STAFF, someName(), IMMIGRANT);
        String immigrant2 = registerPerson(STAFF, someName(), IMMIGRANT);

        // A: p1 formed 60 days ago and ended 10 days ago; p2 formed 30 days ago; p4 formed 3 days ago. B: p3.
        String p1 = formed(STAFF, local1, immigrant1, List.of("language-exchange", "common-hobby"), programmeA,
                daysAgo(60)).get("id").asText();
        formed(STAFF, local1, local2, List.of("everyday-support"), programmeA, daysAgo(30));
        formed(STAFF, local2, immigrant2, List.of("language-exchange"), programmeB, daysAgo(40));
        formed(STAFF, immigrant1, immigrant2, List.of("other"), programmeA, daysAgo(3));
        assertThat(end(STAFF, p1, "dissolved", "the partners moved apart", daysAgo(10)).statusCode()).isEqualTo(204);

        assertCounts(programmeA, daysAgo(90), daysAgo(0), 3, 3, 1);
        assertCounts(programmeA, daysAgo(20), daysAgo(5), 0, 2, 1);
        assertCounts(programmeA, daysAgo(10), daysAgo(10), 0, 2, 1);
        assertCounts(programmeA, daysAgo(9), daysAgo(0), 1, 2, 0);
        assertCounts(programmeA, daysAgo(100), daysAgo(61), 0, 0, 0);
        assertCounts(programmeA, daysAgo(60), daysAgo(60), 1, 1, 0);
        assertCounts(programmeB, daysAgo(90), daysAgo(0), 1, 1, 0);
        assertCounts(randomId(), daysAgo(90), daysAgo(0), 0, 0, 0);
        assertProblem(get(PARTNERSHIPS + "/counts?programmeId=" + programmeA + "&from=" + daysAgo(1) + "&to="
                + daysAgo(2), STAFF), ProblemType.VALIDATION);

        Map<String, List<Long>> tallyAfter = purposeTally("darmstadt-auditor");
        assertThat(moved(tallyBefore, tallyAfter, "language-exchange")).containsExactly(1L, 1L);
        assertThat(moved(tallyBefore, tallyAfter, "common-hobby")).containsExactly(0L, 1L);
        assertThat(moved(tallyBefore, tallyAfter, "everyday-support")).containsExactly(1L, 0L);
        assertThat(moved(tallyBefore, tallyAfter, "other")).containsExactly(1L, 0L);

        assertThat(getJson(PARTNERSHIPS + "?programmeId=" + programmeA + "&status=ended", STAFF).get("total").asLong())
                .isEqualTo(1);
        assertThat(getJson(PARTNERSHIPS + "?programmeId=" + programmeA + "&status=active", STAFF).get("total").asLong())
                .isEqualTo(2);
        assertThat(getJson(PARTNERSHIPS + "?programmeId=" + programmeB + "&purpose=language-exchange", STAFF)
                .get("total").asLong()).isEqualTo(1);
    }

    @Test
    @DisplayName("a participant's partnerships lists every partnership they are a partner in, newest formed first")
    void aParticipantsPartnerships() {
        String name = someName();
        String person = registerPerson(STAFF, name, IMMIGRANT);
        String older = registerPerson(STAFF, someName(), LOCAL);
        String newer = registerPerson(STAFF, someName(), LOCAL);
        String bystander = registerPerson(STAFF, someName(), LOCAL);
        String first = formed(STAFF, older, person, List.of("language-exchange"), programme, daysAgo(50)).get("id").asText();
        String second = formed(STAFF, person, newer, List.of("common-hobby"), programme, daysAgo(20)).get("id").asText();
        assertThat(end(STAFF, first, "continuing-privately", "they meet on their own now", daysAgo(5)).statusCode())
                .isEqualTo(204);

        JsonNode list = getJson("/api/participants/" + person + "/partnerships", "darmstadt-auditor");
        assertThat(ids(list.get("items"))).containsExactly(second, first);
        assertThat(elements(list.get("items"))).allSatisfy(item -> assertThat(elements(item.get("partners")))
                .anySatisfy(partner -> assertThat(partner.get("fullName").asText()).isEqualTo(name)));
        assertThat(elements(list.get("items"))).extracting(item -> item.get("status").asText())
                .containsExactly("active", "ended");
        assertThat(ids(getJson("/api/participants/" + older + "/partnerships", STAFF).get("items")))
                .containsExactly(first);
        assertThat(getJson("/api/participants/" + bystander + "/partnerships", STAFF).get("items")).isEmpty();
        assertProblem(get("/api/participants/" + randomId() + "/partnerships", STAFF), ProblemType.NOT_FOUND);
    }

    private String recordSupport(String organisation, Map<String, Object> support) {
        return createEntry(ORGANISATIONS + "/" + organisation + "/support", ADMIN, toJson(support),
                ORGANISATIONS + "/" + organisation + "/development");
    }

    private void assertCounts(String programmeId, LocalDate from, LocalDate to, long formed, long active, long ended) {
        JsonNode counts = counts(STAFF, programmeId, from, to);
        assertThat(List.of(counts.get("formed").asLong(), counts.get("active").asLong(), counts.get("ended").asLong()))
                .as("formed, active, ended in %s from %s to %s", programmeId, from, to)
                .containsExactly(formed, active, ended);
    }
}
