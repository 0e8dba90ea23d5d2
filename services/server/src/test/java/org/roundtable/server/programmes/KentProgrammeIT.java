package org.roundtable.server.programmes;

import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.temporal.TemporalAdjusters.previousOrSame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.roundtable.kernel.ProblemType;

/**
 * A small programme shaped like Kent's, recorded from scratch over HTTP by kent's admin and staff, and
 * every figure of its report checked against a count made by hand. The scenario is built once for the
 * class; the replay test rebuilds the read models from the ledger and expects the very same answers.
 *
 * <p>People (age = year of the sessions − birth year; all sessions fall in one calendar year):
 * <pre>
 *  P1  guardian  Folkestone SK roma   32 (26-64)   P2 child of P1 4 (0-5)   P3 child of P1 2 (0-5)
 *  P4  guardian  Folkestone CZ roma   27 (26-64)   P5 child of P4 5 (0-5)
 *  P6  guardian  Dover      RO roma   24 (18-25)   P7 child of P6 1 (0-5)   P8 child of P6 5 (0-5)
 *  P9            Dover      GB wider  45 (26-64)   erased after the sessions
 *  P10           Margate    GB wider  68 (65+)
 *  P11           Folkestone PL wider  16 (12-17)
 *  P12           Dover      -  (none) 38 (26-64)
 *  P13           Dover      SK roma   30          only at the cancelled session
 * </pre>
 * Sessions (Together Time, Folkestone, Tuesdays; ESOL, Dover, Thursdays; one festival in Margate):
 * <pre>
 *  S1 Tue t1  P1+[P2,P3], P4+[P5], P11                      6 attendances
 *  S2 Tue t2  P1+[P2], P6, P7; corrected: +P3, -P7         4
 *  S3 Tue t3  P4+[P5], P13; cancelled                      0
 *  S4 Thu h1  P6, P9, P12                                  3
 *  S5 Thu h2  P6+[P7,P8], P9, P10                          5
 *  S6 Thu h3  P6, P12, P11                                 3
 *  F  Sat     festival P10, P1, P2; headcounts roma 35, wider 60   3
 * </pre>
 */
@DisplayName("A Kent-like programme recorded over HTTP")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KentProgrammeIT extends ProgrammesApplicationTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String ROMA = "roma-community";
    static final String WIDER = "wider-community";

    // ---- the expected figures, counted by hand from the table above ----
    /** P1..P12; P13 came only to the cancelled session S3. */
    static final long DISTINCT = 12;
    /** P9. */
    static final long ERASED = 1;
    /** roma: P1,P2,P3,P4,P5,P6,P7,P8 = 8; wider: P9,P10,P11 = 3; none: P12 = 1 (8+3+1 = 12). */
    static final long ROMA_PEOPLE = 8;
    static final long WIDER_PEOPLE = 3;
    static final long NO_GROUP_PEOPLE = 1;
    /** Folkestone: P1,P2,P3,P4,P5,P11 = 6; Dover: P6,P7,P8,P9,P12 = 5; Margate: P10 = 1 (6+5+1 = 12). */
    static final long FOLKESTONE = 6;
    static final long DOVER = 5;
    static final long MARGATE = 1;
    /** 0-5: P2,P3,P5,P7,P8 = 5; 12-17: P11; 18-25: P6; 26-64: P1,P4,P9,P12 = 4; 65+: P10 (5+1+1+4+1 = 12). */
    static final long BAND_0_5 = 5;
    static final long BAND_12_17 = 1;
    static final long BAND_18_25 = 1;
    static final long BAND_26_64 = 4;
    static final long BAND_65_PLUS = 1;
    /** P7 is 1, in a band of 5 (shown); P10 is 68, alone in 65+ (suppressed). */
    static final int YOUNGEST = 1;
    static final int OLDEST = 68;
    /** CZ: P4,P5; GB: P9,P10; PL: P11; RO: P6,P7,P8; SK: P1,P2,P3 (P12 has none, P13 not reached). */
    static final int COUNTRIES = 5;
    /** S1, S2 (S3 cancelled). */
    static final long TOGETHER_TIME_SESSIONS = 2;
    /** S4, S5, S6. */
    static final long ESOL_SESSIONS = 3;
    static final long SESSIONS_HELD = TOGETHER_TIME_SESSIONS + ESOL_SESSIONS; // 5
    static final long EVENTS_HELD = 1;
    /** S1 6 + S2 4 + S4 3 + S5 5 + S6 3 + festival 3. */
    static final long ATTENDANCES = 6 + 4 + 3 + 5 + 3 + 3; // 24
    static final long HEADCOUNT_ROMA = 35;
    static final long HEADCOUNT_WIDER = 60;
    /** One questionnaire to P1, P4, P6, P10; returned by P1, P4, P10: 3 / 4 = 75.0 %. */
    static final double RETURN_RATE = 75.0;
    /** Targets: 20 roma (8 reached: 40.0 %, 12 to go), 10 wider (3: 30.0 %, 7 to go, suppressed). */
    static final long ROMA_TARGET = 20;
    static final long WIDER_TARGET = 10;
    /** 40 sessions (5 held: 12.5 %, 35 to go), 4 events (1 held: 25.0 %, 3 to go). */
    static final long SESSIONS_TARGET = 40;
    static final long EVENTS_TARGET = 4;

    private Scenario scenario;

    /** The ids and dates of the recorded programme. */
    record Scenario(String programmeId, LocalDate start, LocalDate end, String togetherTime, String esol,
                    Map<String, String> people, Map<String, String> sessions, Map<String, LocalDate> dates,
                    String questionnaireId) {

        String person(String label) {
            return people.get(label);
        }

        String session(String label) {
            return sessions.get(label);
        }

        String report() {
            return "/api/programmes/" + programmeId + "/report";
        }

        LocalDate first() {
            return dates.values().stream().min(Comparator.naturalOrder()).orElseThrow();
        }

        LocalDate last() {
            return dates.values().stream().max(Comparator.naturalOrder()).orElseThrow();
        }
    }

    /** Builds the scenario on first use, so either test may run alone. */
    Scenario scenario() {
        if (scenario == null) {
            scenario = record();
        }
        return scenario;
    }

    @Test
    @Order(1)
    @DisplayName("the report, its CSV, the registers, the attendance histories and the calendar match a count by hand")
    void the_report_matches_a_count_by_hand() {
        Scenario s = scenario();

        JsonNode report = getJson(s.report(), "kent-staff");
        assertThat(report.get("programmeId").asText()).isEqualTo(s.programmeId());
        assertThat(report.get("name").asText()).isEqualTo("Integrated Communities");
        assertThat(report.get("from").asText()).isEqualTo(s.start().toString());
        assertThat(report.get("to").asText()).isEqualTo(s.end().toString());
        assertThat(report.get("asOfPosition").isNull()).isTrue();
        assertThat(report.get("smallGroupThreshold").asInt()).isEqualTo(5);
        assertThat(figure(report.get("distinctParticipants"))).isEqualTo(shown(DISTINCT));
        assertThat(figure(report.get("erasedParticipants"))).isEqualTo(hidden(ERASED));
        assertThat(breakdown(report.get("byReachGroup"))).containsExactly(
                entry("none", hidden(NO_GROUP_PEOPLE)), entry(ROMA, shown(ROMA_PEOPLE)), entry(WIDER, hidden(WIDER_PEOPLE)));
        assertThat(breakdown(report.get("byTown"))).containsExactly(
                entry("Dover", shown(DOVER)), entry("Folkestone", shown(FOLKESTONE)), entry("Margate", hidden(MARGATE)));
        assertThat(breakdown(report.get("byAgeBand"))).containsExactly(
                entry("0-5", shown(BAND_0_5)), entry("6-11", shown(0)), entry("12-17", hidden(BAND_12_17)),
                entry("18-25", hidden(BAND_18_25)), entry("26-64", hidden(BAND_26_64)),
                entry("65+", hidden(BAND_65_PLUS)), entry("unknown", shown(0)));
        assertThat(report.get("youngestAge").asInt()).isEqualTo(YOUNGEST);
        assertThat(report.get("youngestAgeSuppressed").asBoolean()).isFalse();
        assertThat(report.get("oldestAge").asInt()).isEqualTo(OLDEST);
        assertThat(report.get("oldestAgeSuppressed").asBoolean()).isTrue();
        assertThat(report.get("countriesOfOriginCount").asInt()).isEqualTo(COUNTRIES);
        assertThat(breakdown(report.get("countriesOfOrigin"))).containsExactly(
                entry("CZ", hidden(2)), entry("GB", hidden(2)), entry("PL", hidden(1)), entry("RO", hidden(3)),
                entry("SK", hidden(3)));
        assertThat(counts(report.get("sessionsByKind"))).containsExactly(
                entry("ACTIVITY_SESSION", TOGETHER_TIME_SESSIONS), entry("LANGUAGE_CLASS", ESOL_SESSIONS));
        assertThat(report.get("sessionsHeld").asLong()).isEqualTo(SESSIONS_HELD);
        assertThat(counts(report.get("eventsByKind"))).containsExactly(entry("COMMUNITY_EVENT", EVENTS_HELD));
        assertThat(report.get("eventsHeld").asLong()).isEqualTo(EVENTS_HELD);
        assertThat(report.get("totalAttendances").asLong()).isEqualTo(ATTENDANCES);
        assertThat(counts(report.get("headcountsByGroup"))).containsExactly(
                entry(ROMA, HEADCOUNT_ROMA), entry(WIDER, HEADCOUNT_WIDER));
        assertThat(report.get("totalHeadcount").asLong()).isEqualTo(HEADCOUNT_ROMA + HEADCOUNT_WIDER);
        JsonNode questionnaires = report.get("questionnaires");
        assertThat(questionnaires.get("questionnaires").asInt()).isEqualTo(1);
        assertThat(questionnaires.get("recipients").asLong()).isEqualTo(4);
        assertThat(questionnaires.get("returns").asLong()).isEqualTo(3);
        assertThat(questionnaires.get("returnRate").asDouble()).isEqualTo(RETURN_RATE);
        String period = s.start() + ".." + s.end();
        assertThat(elements(report.get("targets")).stream().map(KentProgrammeIT::progress)).containsExactly(
                "DISTINCT_PARTICIPANTS roma-community - 20 " + period + ": actual 8, 40.0 %, 12 to go, suppressed false",
                "DISTINCT_PARTICIPANTS wider-community - 10 " + period + ": actual 3, 30.0 %, 7 to go, suppressed true",
                "SESSIONS_HELD - - 40 " + period + ": actual 5, 12.5 %, 35 to go, suppressed false",
                "EVENTS_HELD - - 4 " + period + ": actual 1, 25.0 %, 3 to go, suppressed false");

        // the same figures for use outside the agency: a group below 5 reads "fewer than 5"
        HttpResponse<String> csv = getCsv(s.report(), "kent-auditor");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
        String few = "fewer than 5";
        assertThat(csv.body().split("\r\n")).containsExactly(
                "section,key,value,target,percent,remaining",
                "programme,id," + s.programmeId() + ",,,",
                "programme,name,Integrated Communities,,,",
                "period,from," + s.start() + ",,,",
                "period,to," + s.end() + ",,,",
                "period,as-of-position,,,,",
                "people,distinct-participants,12,,,",
                "people,erased-participants," + few + ",,,",
                "reach-group,none," + few + ",,,",
                "reach-group,roma-community,8,,,",
                "reach-group,wider-community," + few + ",,,",
                "town,Dover,5,,,",
                "town,Folkestone,6,,,",
                "town,Margate," + few + ",,,",
                "age-band,0-5,5,,,",
                "age-band,6-11,0,,,",
                "age-band,12-17," + few + ",,,",
                "age-band,18-25," + few + ",,,",
                "age-band,26-64," + few + ",,,",
                "age-band,65+," + few + ",,,",
                "age-band,unknown,0,,,",
                "age,youngest,1,,,",
                "age,oldest,suppressed,,,",
                "countries-of-origin,count,5,,,",
                "country-of-origin,CZ," + few + ",,,",
                "country-of-origin,GB," + few + ",,,",
                "country-of-origin,PL," + few + ",,,",
                "country-of-origin,RO," + few + ",,,",
                "country-of-origin,SK," + few + ",,,",
                "sessions-by-kind,ACTIVITY_SESSION,2,,,",
                "sessions-by-kind,LANGUAGE_CLASS,3,,,",
                "sessions,held,5,,,",
                "events-by-kind,COMMUNITY_EVENT,1,,,",
                "events,held,1,,,",
                "attendances,total,24,,,",
                "headcount,roma-community,35,,,",
                "headcount,wider-community,60,,,",
                "headcounts,total,95,,,",
                "questionnaires,sent,1,,,",
                "questionnaires,recipients,4,,,",
                "questionnaires,returns,3,,,",
                "questionnaires,return-rate-percent,75.0,,,",
                "target,distinct-participants roma-community " + period + ",8,20,40.0,12",
                "target,distinct-participants wider-community " + period + "," + few + ",10," + few + "," + few,
                "target,sessions-held " + period + ",5,40,12.5,35",
                "target,events-held " + period + ",1,4,25.0,3");

        // a report over a part of the period counts only what happened in it, here S1's day; targets keep
        // their own period
        LocalDate t1 = s.dates().get("S1");
        JsonNode firstDay = getJson(s.report() + "?from=" + t1 + "&to=" + t1, "kent-admin");
        assertThat(firstDay.get("from").asText()).isEqualTo(t1.toString());
        assertThat(figure(firstDay.get("distinctParticipants"))).isEqualTo(shown(6)); // P1,P2,P3,P4,P5,P11
        assertThat(firstDay.get("totalAttendances").asLong()).isEqualTo(6);
        assertThat(firstDay.get("sessionsHeld").asLong()).isEqualTo(1);
        assertThat(firstDay.get("eventsHeld").asLong()).isEqualTo(0);
        assertThat(firstDay.get("totalHeadcount").asLong()).isEqualTo(0);
        assertThat(firstDay.get("targets").get(0).get("actual").asLong()).isEqualTo(ROMA_PEOPLE);
        assertProblem(get(s.report() + "?from=" + t1 + "&to=" + t1.minusDays(1), "kent-admin"),
                ProblemType.RULE_VIOLATION);

        // the registers: corrected, erased participant flagged, cancelled
        JsonNode s2 = getJson("/api/sessions/" + s.session("S2"), "kent-staff");
        assertThat(attendees(s2)).containsExactlyInAnyOrderEntriesOf(Map.of(
                s.person("P1"), false, s.person("P2"), false, s.person("P6"), false, s.person("P3"), false));
        assertThat(s2.get("version").asLong()).isEqualTo(1);
        assertThat(s2.get("cancelled").asBoolean()).isFalse();
        JsonNode s5 = getJson("/api/sessions/" + s.session("S5"), "kent-auditor");
        assertThat(attendees(s5)).containsExactlyInAnyOrderEntriesOf(Map.of(
                s.person("P6"), false, s.person("P7"), false, s.person("P8"), false, s.person("P9"), true,
                s.person("P10"), false));
        assertThat(s5.get("kind").asText()).isEqualTo("LANGUAGE_CLASS");
        assertThat(s5.get("town").asText()).isEqualTo("Dover");
        assertThat(s5.get("activityId").asText()).isEqualTo(s.esol());
        assertThat(s5.get("families").get(0).get("guardianId").asText()).isEqualTo(s.person("P6"));
        assertThat(texts(s5.get("families").get(0).get("childIds"))).containsExactly(s.person("P7"), s.person("P8"));
        JsonNode s3 = getJson("/api/sessions/" + s.session("S3"), "kent-staff");
        assertThat(s3.get("cancelled").asBoolean()).isTrue();
        assertThat(s3.get("cancellationReason").asText()).isEqualTo("The facilitator was ill");
        JsonNode festival = getJson("/api/sessions/" + s.session("F"), "kent-staff");
        assertThat(festival.get("oneOff").asBoolean()).isTrue();
        assertThat(festival.get("activityId").isNull()).isTrue();
        assertThat(festival.get("totalHeadcount").asInt()).isEqualTo(95);
        assertThat(texts(festival.get("feedback"))).containsExactly("Stalls ran out of food by noon");

        // attendance histories, newest first, without the cancelled session or a removed attendance
        assertThat(history(s.person("P6"))).containsExactlyElementsOf(newestFirst(s, "S2", "S4", "S5", "S6"));
        assertThat(history(s.person("P1"))).containsExactlyElementsOf(newestFirst(s, "S1", "S2", "F"));
        assertThat(history(s.person("P4"))).containsExactly(s.session("S1"));
        assertThat(history(s.person("P7"))).containsExactly(s.session("S5"));
        assertThat(history(s.person("P13"))).isEmpty();
        assertThat(history(s.person("P10"))).containsExactlyElementsOf(newestFirst(s, "S5", "F"));
        JsonNode festivalRecord = elements(getJson("/api/participants/" + s.person("P10") + "/attendance", "kent-staff"))
                .stream().filter(record -> record.get("sessionId").asText().equals(s.session("F"))).findFirst()
                .orElseThrow();
        assertThat(festivalRecord.get("oneOff").asBoolean()).isTrue();
        assertThat(festivalRecord.get("kind").asText()).isEqualTo("COMMUNITY_EVENT");
        assertThat(festivalRecord.get("title").asText()).isEqualTo("Multicultural festival");
        assertThat(festivalRecord.get("town").asText()).isEqualTo("Margate");
        assertThat(festivalRecord.get("date").asText()).isEqualTo(s.dates().get("F").toString());
        assertThat(festivalRecord.get("programmeId").asText()).isEqualTo(s.programmeId());

        // the calendar: every planned occurrence from the first session to the last, and which are recorded
        LocalDate from = s.first();
        LocalDate to = s.last();
        List<String> expected = new ArrayList<>();
        for (String label : List.of("S1", "S2", "S3", "S4", "S5", "S6", "F")) {
            String name = label.equals("F") ? "Multicultural festival"
                    : label.compareTo("S4") < 0 ? "Together Time" : "ESOL for parents";
            // S3 was cancelled: planned, but nothing recorded
            String session = label.equals("S3") ? "-" : s.session(label);
            expected.add(s.dates().get(label) + " " + name + " " + session);
        }
        expected.sort(Comparator.naturalOrder());
        String calendarRange = "?from=" + from + "&to=" + to;
        assertThat(calendar(getJson("/api/programmes/" + s.programmeId() + "/calendar" + calendarRange, "kent-staff"),
                s.programmeId())).containsExactlyElementsOf(expected);
        assertThat(calendar(getJson("/api/calendar" + calendarRange, "kent-auditor"), s.programmeId()))
                .containsExactlyElementsOf(expected);
    }

    @Test
    @Order(2)
    @DisplayName("rebuilding the programmes read models from the ledger gives the same report, registers and calendar")
    void replay_equals_live() {
        Scenario s = scenario();
        String calendar = "/api/programmes/" + s.programmeId() + "/calendar?from=" + s.first() + "&to=" + s.last();
        List<String> reads = List.of(s.report(), "/api/sessions/" + s.session("S2"), "/api/sessions/" + s.session("S5"),
                "/api/participants/" + s.person("P6") + "/attendance", "/api/questionnaires/" + s.questionnaireId(),
                "/api/programmes/" + s.programmeId(), "/api/activities/" + s.esol(), calendar);
        Map<String, JsonNode> live = new LinkedHashMap<>();
        reads.forEach(path -> live.put(path, getJson(path, "kent-staff")));
        String liveCsv = getCsv(s.report(), "kent-staff").body();
        // a stray document in each processor's collections: a rebuild from scratch leaves none of them
        List<String> strays = List.of("programme_catalogue", "programme_sessions", "programme_participant_facts");
        String stray = "stray-" + randomId();
        strays.forEach(collection -> mongo.getCollection(collection)
                .insertOne(new Document("_id", stray).append("tenantId", "nobody")));

        replayProgrammeReadModels();

        strays.forEach(collection -> assertThat(mongo.getCollection(collection)
                .countDocuments(new Document("_id", stray))).as(collection).isZero());

        Map<String, JsonNode> replayed = new LinkedHashMap<>();
        reads.forEach(path -> replayed.put(path, getJson(path, "kent-staff")));
        assertThat(replayed).isEqualTo(live);
        assertThat(getCsv(s.report(), "kent-staff").body()).isEqualTo(liveCsv);
        assertThat(live.get(s.report()).get("totalAttendances").asLong()).isEqualTo(ATTENDANCES);
    }

    /** Everything the scenario needs, recorded over HTTP the way kent's people would. */
    private Scenario record() {
        LocalDate today = LocalDate.now(LONDON);
        // sessions lie in the past and in one calendar year, so each person's age is the same at every session
        LocalDate last = today.minusDays(1);
        if (last.getDayOfYear() <= 60) {
            last = last.withDayOfYear(1).minusDays(1);
        }
        int year = last.getYear();
        LocalDate start = today.minusDays(300);
        LocalDate end = start.plusDays(364);
        Map<String, LocalDate> dates = new LinkedHashMap<>();
        LocalDate t3 = last.with(previousOrSame(TUESDAY));
        LocalDate h3 = last.with(previousOrSame(THURSDAY));
        dates.put("S1", t3.minusWeeks(2));
        dates.put("S2", t3.minusWeeks(1));
        dates.put("S3", t3);
        dates.put("S4", h3.minusWeeks(2));
        dates.put("S5", h3.minusWeeks(1));
        dates.put("S6", h3);
        dates.put("F", t3.minusWeeks(2).plusDays(4)); // the Saturday after S1

        ensureReachGroup(ROMA, "Roma community");
        ensureReachGroup(WIDER, "Wider community");
        String programmeId = launchProgramme("kent-admin", "Integrated Communities", start, end, """
                [{"metric":"DISTINCT_PARTICIPANTS","reachGroup":"roma-community","value":%d},
                 {"metric":"DISTINCT_PARTICIPANTS","reachGroup":"wider-community","value":%d},
                 {"metric":"SESSIONS_HELD","value":%d},
                 {"metric":"EVENTS_HELD","value":%d}]
                """.formatted(ROMA_TARGET, WIDER_TARGET, SESSIONS_TARGET, EVENTS_TARGET));
        String togetherTime = planWeeklyActivity("kent-admin", programmeId, "Together Time", "ACTIVITY_SESSION",
                "Folkestone", "TUESDAY", start);
        String esol = planWeeklyActivity("kent-admin", programmeId, "ESOL for parents", "LANGUAGE_CLASS", "Dover",
                "THURSDAY", start);

        Map<String, String> people = new LinkedHashMap<>();
        people.put("P1", person("Mara Lakatos", year - 32, "SK", "Folkestone", ROMA, null));
        people.put("P2", person("Ana Lakatos", year - 4, "SK", "Folkestone", ROMA, people.get("P1")));
        people.put("P3", person("Denis Lakatos", year - 2, "SK", "Folkestone", ROMA, people.get("P1")));
        people.put("P4", person("Jana Horvathova", year - 27, "CZ", "Folkestone", ROMA, null));
        people.put("P5", person("Petr Horvath", year - 5, "CZ", "Folkestone", ROMA, people.get("P4")));
        people.put("P6", person("Florica Stan", year - 24, "RO", "Dover", ROMA, null));
        people.put("P7", person("Ionut Stan", year - 1, "RO", "Dover", ROMA, people.get("P6")));
        people.put("P8", person("Maria Stan", year - 5, "RO", "Dover", ROMA, people.get("P6")));
        people.put("P9", person("Susan Clarke", year - 45, "GB", "Dover", WIDER, null));
        people.put("P10", person("Margaret Hughes", year - 68, "GB", "Margate", WIDER, null));
        people.put("P11", person("Kacper Nowak", year - 16, "PL", "Folkestone", WIDER, null));
        people.put("P12", person("Sam Jones", year - 38, null, "Dover", null, null));
        people.put("P13", person("Viktor Balog", year - 30, "SK", "Dover", ROMA, null));

        Map<String, String> sessions = new LinkedHashMap<>();
        sessions.put("S1", hold(togetherTime, dates.get("S1"), List.of(people.get("P11")),
                Map.of(people.get("P1"), List.of(people.get("P2"), people.get("P3")),
                        people.get("P4"), List.of(people.get("P5")))));
        sessions.put("S2", hold(togetherTime, dates.get("S2"), List.of(people.get("P6"), people.get("P7")),
                Map.of(people.get("P1"), List.of(people.get("P2")))));
        sessions.put("S3", hold(togetherTime, dates.get("S3"), List.of(people.get("P13")),
                Map.of(people.get("P4"), List.of(people.get("P5")))));
        sessions.put("S4", hold(esol, dates.get("S4"),
                List.of(people.get("P6"), people.get("P9"), people.get("P12")), Map.of()));
        sessions.put("S5", hold(esol, dates.get("S5"), List.of(people.get("P9"), people.get("P10")),
                Map.of(people.get("P6"), List.of(people.get("P7"), people.get("P8")))));
        sessions.put("S6", hold(esol, dates.get("S6"),
                List.of(people.get("P6"), people.get("P12"), people.get("P11")), Map.of()));
        sessions.put("F", create("/api/sessions", "kent-staff", toJson(Map.of(
                "programmeId", programmeId, "kind", "COMMUNITY_EVENT", "title", "Multicultural festival",
                "town", "Margate", "date", dates.get("F").toString(), "facilitatorIds", List.of("kent-staff", "roma-lead"),
                "participantIds", List.of(people.get("P10"), people.get("P1"), people.get("P2")),
                "headcounts", List.of(Map.of("reachGroup", ROMA, "count", HEADCOUNT_ROMA),
                        Map.of("reachGroup", WIDER, "count", HEADCOUNT_WIDER)))), "/api/sessions"));
        assertThat(postJson("/api/sessions/" + sessions.get("F") + "/feedback", "kent-staff",
                "{\"note\":\"Stalls ran out of food by noon\"}").statusCode()).isEqualTo(204);

        // P3 was there but missed on the register; P7 was marked by mistake
        HttpResponse<String> corrected = postJson("/api/sessions/" + sessions.get("S2") + "/attendance-corrections",
                "kent-staff", toJson(Map.of("added", List.of(people.get("P3")), "removed", List.of(people.get("P7")),
                        "reason", "Register checked against the sign-in sheet")));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);
        assertThat(corrected.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(json(corrected).get("attendees")).hasSize(4);
        HttpResponse<String> cancelled = postJson("/api/sessions/" + sessions.get("S3") + "/cancellation", "kent-staff",
                "{\"reason\":\"The facilitator was ill\"}");
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(204);

        String questionnaireId = create("/api/programmes/" + programmeId + "/questionnaires", "kent-staff",
                toJson(Map.of("title", "How was Together Time?", "simpleLanguage", true, "recipientIds",
                        List.of(people.get("P1"), people.get("P4"), people.get("P6"), people.get("P10")))),
                "/api/questionnaires");
        double rate = 0;
        for (String returner : List.of("P1", "P4", "P10")) {
            HttpResponse<String> returned = postJson("/api/questionnaires/" + questionnaireId + "/returns", "kent-staff",
                    "{\"participantId\":\"" + people.get(returner) + "\"}");
            assertThat(returned.statusCode()).as(returned.body()).isEqualTo(200);
            assertThat(json(returned).get("returnRate").asDouble()).isGreaterThan(rate);
            rate = json(returned).get("returnRate").asDouble();
        }
        assertThat(rate).isEqualTo(RETURN_RATE);
        assertProblem(postJson("/api/questionnaires/" + questionnaireId + "/returns", "kent-staff",
                "{\"participantId\":\"" + people.get("P1") + "\"}"), ProblemType.CONFLICT);

        assertThat(postJson("/api/participants/" + people.get("P9") + "/erasure", "kent-staff",
                "{\"reason\":\"The person asked to be forgotten\"}").statusCode()).isEqualTo(204);
        // the programmes context learns of the erasure from the ledger, a moment later
        await("the register shows P9 as erased", () -> attendees(getJson("/api/sessions/" + sessions.get("S5"),
                "kent-staff")).get(people.get("P9")));

        return new Scenario(programmeId, start, end, togetherTime, esol, Map.copyOf(people), Map.copyOf(sessions),
                Map.copyOf(dates), questionnaireId);
    }

    /** Registers one person with programme-records consent, and special-category consent when in a reach group. */
    private String person(String name, int birthYear, String country, String town, String reachGroup, String guardianId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", name);
        body.put("birthYear", birthYear);
        if (country != null) {
            body.put("countryOfOrigin", country);
        }
        body.put("town", town);
        String givenBy = guardianId == null ? "self" : "guardian";
        if (guardianId != null) {
            body.put("guardianId", guardianId);
        }
        List<Map<String, String>> consents = new ArrayList<>();
        consents.add(Map.of("purpose", "programme-records", "givenBy", givenBy));
        if (reachGroup != null) {
            body.put("reachGroups", List.of(reachGroup));
            consents.add(Map.of("purpose", "special-category", "givenBy", givenBy));
        }
        body.put("consents", consents);
        return registerParticipant("kent-staff", toJson(body));
    }

    /** Records an occurrence of an activity with its register; families map a guardian to their children. */
    private String hold(String activityId, LocalDate date, List<String> individuals, Map<String, List<String>> families) {
        List<Map<String, Object>> checkIns = new ArrayList<>();
        families.forEach((guardian, children) -> checkIns.add(Map.of("guardianId", guardian, "childIds", children)));
        HttpResponse<String> response = postJson("/api/sessions", "kent-staff", toJson(Map.of(
                "activityId", activityId, "date", date.toString(), "facilitatorIds", List.of("kent-staff"),
                "participantIds", individuals, "families", checkIns)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("ETag")).hasValue("\"0\"");
        return json(response).get("id").asText();
    }

    private List<String> history(String participantId) {
        return elements(getJson("/api/participants/" + participantId + "/attendance", "kent-staff")).stream()
                .map(record -> record.get("sessionId").asText())
                .toList();
    }

    private static List<String> newestFirst(Scenario s, String... labels) {
        return java.util.Arrays.stream(labels)
                .sorted(Comparator.comparing((String label) -> s.dates().get(label)).reversed()
                        .thenComparing(label -> s.session(label)))
                .map(s::session)
                .toList();
    }

    private static Map<String, Boolean> attendees(JsonNode session) {
        Map<String, Boolean> attendees = new LinkedHashMap<>();
        elements(session.get("attendees")).forEach(attendee ->
                attendees.put(attendee.get("participantId").asText(), attendee.get("erased").asBoolean()));
        return attendees;
    }

    /** The programme's calendar entries as "date name sessionId" ("-" when nothing is recorded). */
    private static List<String> calendar(JsonNode entries, String programmeId) {
        return elements(entries).stream()
                .filter(entry -> entry.get("programmeId").asText().equals(programmeId))
                .map(entry -> {
                    boolean recorded = entry.get("recorded").asBoolean();
                    assertThat(entry.get("sessionId").isNull()).isEqualTo(!recorded);
                    return entry.get("date").asText() + " " + entry.get("name").asText() + " "
                            + (recorded ? entry.get("sessionId").asText() : "-");
                })
                .toList();
    }

    private static String shown(long value) {
        return Long.toString(value);
    }

    private static String hidden(long value) {
        return value + " (suppressed)";
    }

    private static String figure(JsonNode figure) {
        long value = figure.get("value").asLong();
        return figure.get("suppressed").asBoolean() ? hidden(value) : shown(value);
    }

    private static Map<String, String> breakdown(JsonNode breakdown) {
        Map<String, String> figures = new LinkedHashMap<>();
        elements(breakdown).forEach(entry -> figures.put(entry.get("key").asText(), figure(entry.get("people"))));
        return figures;
    }

    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> values = new LinkedHashMap<>();
        elements(counts).forEach(entry -> values.put(entry.get("key").asText(), entry.get("count").asLong()));
        return values;
    }

    private static String progress(JsonNode progress) {
        JsonNode target = progress.get("target");
        assertThat(progress.get("measured").asBoolean()).isTrue();
        return target.get("metric").asText() + " " + text(target.get("reachGroup")) + " "
                + text(target.get("activityKind")) + " " + target.get("value").asLong() + " "
                + target.get("from").asText() + ".." + target.get("until").asText()
                + ": actual " + progress.get("actual").asLong() + ", " + progress.get("percentage").asDouble() + " %, "
                + progress.get("remaining").asLong() + " to go, suppressed " + progress.get("suppressed").asBoolean();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "-" : value.asText();
    }
}
