package org.roundtable.programmes.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.programmes.query.ReadModels.date;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.AttendanceCorrected;
import org.roundtable.programmes.api.FamilyCheckIn;
import org.roundtable.programmes.api.FindProgrammeReport;
import org.roundtable.programmes.api.Funding;
import org.roundtable.programmes.api.FundingType;
import org.roundtable.programmes.api.Headcount;
import org.roundtable.programmes.api.ProgrammeLaunched;
import org.roundtable.programmes.api.ProgrammeReport;
import org.roundtable.programmes.api.ProgrammeReport.Breakdown;
import org.roundtable.programmes.api.ProgrammeReport.Count;
import org.roundtable.programmes.api.ProgrammeReport.Figure;
import org.roundtable.programmes.api.ProgrammeReport.QuestionnaireFigures;
import org.roundtable.programmes.api.ProgrammeReport.TargetProgress;
import org.roundtable.programmes.api.QuestionnaireReturned;
import org.roundtable.programmes.api.QuestionnaireSent;
import org.roundtable.programmes.api.RegisteredAttendeeAttached;
import org.roundtable.programmes.api.SessionCancelled;
import org.roundtable.programmes.api.SessionHeld;
import org.roundtable.programmes.api.Target;
import org.roundtable.programmes.api.TargetMetric;

/**
 * A small Kent programme fed through the projections: three towns, weekly sessions, a festival with
 * headcounts, family check-ins, an erased participant, a correction, a later registrant attached to
 * the festival and a cancelled session. Every figure below is counted by hand in the comments.
 */
class ProgrammeReportTest {

    static final String KENT = "kent";
    static final String PROGRAMME = "integrated-communities";
    static final List<String> STAFF = List.of("officer-1");
    static final Target ROMA = new Target(TargetMetric.DISTINCT_PARTICIPANTS, "roma-community", null, 10,
            date("2026-01-01"), date("2026-12-31"));
    static final Target WIDER = new Target(TargetMetric.DISTINCT_PARTICIPANTS, "wider-community", null, 1000,
            date("2026-01-01"), date("2026-12-31"));
    static final Target SESSIONS = new Target(TargetMetric.SESSIONS_HELD, null, null, 20, date("2026-01-01"), date("2026-12-31"));
    static final Target EVENTS = new Target(TargetMetric.EVENTS_HELD, null, null, 2, date("2026-01-01"), date("2026-12-31"));
    static final Target PARTNERSHIPS = new Target(TargetMetric.PARTNERSHIPS_FORMED, null, null, 5, date("2026-01-01"),
            date("2026-12-31"));
    static final Target WORKSHOPS_IN_MARCH = new Target(TargetMetric.PROFESSIONAL_WORKSHOPS, null, null, 4,
            date("2026-03-01"), date("2026-03-31"));

    ReadModels models;

    @BeforeEach
    void feedTheProgramme() throws Exception {
        models = new ReadModels(5);
        models.publish(PROGRAMME, 0, new ProgrammeLaunched(PROGRAMME, KENT, "Integrated Communities", date("2026-01-01"),
                date("2026-12-31"), List.of("Folkestone", "Dover", "Margate"),
                List.of(new Funding("Lottery", FundingType.GRANT, new BigDecimal("150000"), "GBP")),
                List.of(ROMA, WIDER, SESSIONS, EVENTS, PARTNERSHIPS, WORKSHOPS_IN_MARCH)));

        // Folkestone: a mother with two young children and a woman erased later; all Roma, from Slovakia
        models.register(KENT, "m1", "Folkestone", "roma-community", 1990, "SK", null);
        models.register(KENT, "c1", "Folkestone", "roma-community", 2022, "SK", "m1");
        models.register(KENT, "c2", "Folkestone", "roma-community", 2024, "SK", "m1");
        models.register(KENT, "e1", "Folkestone", "roma-community", 1970, "SK", null);
        // Dover: a Czech Roma mother and her child; a Romanian teenager of the wider community
        models.register(KENT, "m2", "Dover", "roma-community", 1985, "CZ", null);
        models.register(KENT, "c3", "Dover", "roma-community", 2021, "CZ", "m2");
        models.register(KENT, "w3", "Dover", "wider-community", 2010, "RO", null);
        // Margate: two British neighbours of the wider community
        models.register(KENT, "w1", "Margate", "wider-community", 1950, "GB", null);
        models.register(KENT, "w2", "Margate", "wider-community", 2001, "GB", null);
        // registered but never came
        models.register(KENT, "x1", "Margate", "wider-community", 1999, "GB", null);

        // S1 Together Time, Folkestone: family m1 + c1, c2, and e1 -> 4 attendances
        models.publish("s1", 0, occurrence("s1", "together-time", ActivityKind.ACTIVITY_SESSION, "Folkestone", "2026-03-03",
                List.of("e1"), List.of(new FamilyCheckIn("m1", List.of("c1", "c2")))));
        // S2 Together Time: m1 + c1, and e1 -> 3 attendances
        models.publish("s2", 0, occurrence("s2", "together-time", ActivityKind.ACTIVITY_SESSION, "Folkestone", "2026-03-10",
                List.of("e1"), List.of(new FamilyCheckIn("m1", List.of("c1")))));
        models.publish("e1", 1, new ParticipantErased("e1", "asked to be forgotten"));
        // S3 ESOL, Dover: m2 and w3; corrected: w3 was w2 -> 2 attendances (m2, w2); w3 reached nobody
        models.publish("s3", 0, occurrence("s3", "esol-dover", ActivityKind.LANGUAGE_CLASS, "Dover", "2026-03-05",
                List.of("m2", "w3"), List.of()));
        models.publish("s3", 1, new AttendanceCorrected("s3", List.of("w2"), List.of("w3"), List.of(), "wrong name ticked"));
        // S4 coffee morning, Margate: w1, w2 -> 2 attendances
        models.publish("s4", 0, occurrence("s4", "coffee-margate", ActivityKind.COFFEE_MORNING, "Margate", "2026-03-12",
                List.of("w1", "w2"), List.of()));
        // S5 festival, Margate: family m2 + c3, 150 wider and 40 Roma unregistered; w1 registers later -> 3 and 149
        models.publish("s5", 0, new SessionHeld("s5", KENT, PROGRAMME, null, ActivityKind.COMMUNITY_EVENT, true,
                "Multicultural festival", "Margate", date("2026-06-20"), STAFF, List.of(),
                List.of(new FamilyCheckIn("m2", List.of("c3"))),
                List.of(new Headcount("wider-community", null, 150), new Headcount("roma-community", null, 40))));
        models.publish("s5", 1, new RegisteredAttendeeAttached("s5", "w1", "wider-community"));
        // S6 workshop for professionals, Folkestone: 12 teachers of a partner school, nobody registered
        models.publish("s6", 0, new SessionHeld("s6", KENT, PROGRAMME, null, ActivityKind.PROFESSIONAL_WORKSHOP, true,
                "Cultural diversity workshop", "Folkestone", date("2026-03-20"), STAFF, List.of(), List.of(),
                List.of(new Headcount(null, "org-school", 12))));
        // S7 recorded by mistake and cancelled: counts nowhere
        models.publish("s7", 0, occurrence("s7", "together-time", ActivityKind.ACTIVITY_SESSION, "Folkestone", "2026-04-07",
                List.of("m1"), List.of()));
        models.publish("s7", 1, new SessionCancelled("s7", "recorded twice"));
        // redelivery of events already applied changes nothing
        models.publish("s1", 0, occurrence("s1", "together-time", ActivityKind.ACTIVITY_SESSION, "Folkestone", "2026-03-03",
                List.of("e1"), List.of(new FamilyCheckIn("m1", List.of("c1", "c2")))));
        models.publish("s5", 1, new RegisteredAttendeeAttached("s5", "w1", "wider-community"));

        // a simple-language questionnaire to four people, two returned
        models.publish("q1", 0, new QuestionnaireSent("q1", KENT, PROGRAMME, "How are we doing?", true,
                List.of("m1", "m2", "w1", "w2"), date("2026-05-04")));
        models.publish("q1", 1, new QuestionnaireReturned("q1", "m1"));
        models.publish("q1", 2, new QuestionnaireReturned("q1", "w2"));
    }

    @AfterEach
    void dropDatabase() {
        models.close();
    }

    static SessionHeld occurrence(String id, String activity, ActivityKind kind, String town, String date,
                                  List<String> individuals, List<FamilyCheckIn> families) {
        return new SessionHeld(id, KENT, PROGRAMME, activity, kind, false, null, town, date(date), STAFF, individuals,
                families, List.of());
    }

    ProgrammeReport report(String from, String to) {
        return models.optional(new FindProgrammeReport(KENT, PROGRAMME, from == null ? null : date(from),
                to == null ? null : date(to)), ProgrammeReport.class).orElseThrow();
    }

    static Figure exact(long value) {
        return new Figure(value, false);
    }

    static Figure small(long value) {
        return new Figure(value, true);
    }

    @Test
    void should_count_the_whole_year_by_hand() {
        ProgrammeReport report = report(null, null);

        assertThat(report.from()).isEqualTo(date("2026-01-01"));
        assertThat(report.to()).isEqualTo(date("2026-12-31"));
        assertThat(report.smallGroupThreshold()).isEqualTo(5);
        // m1 c1 c2 e1 m2 w2 w1 c3; w3 was corrected away, x1 never came
        assertThat(report.distinctParticipants()).isEqualTo(exact(8));
        assertThat(report.erasedParticipants()).isEqualTo(small(1));
        assertThat(report.byReachGroup()).containsExactly(
                new Breakdown("roma-community", exact(6)), new Breakdown("wider-community", small(2)));
        assertThat(report.byTown()).containsExactly(
                new Breakdown("Dover", small(2)), new Breakdown("Folkestone", small(4)), new Breakdown("Margate", small(2)));
        // ages in 2026: m1 36, c1 4, c2 2, e1 56, m2 41, w2 25, w1 76, c3 5
        assertThat(report.byAgeBand()).containsExactly(
                new Breakdown("0-5", small(3)), new Breakdown("6-11", exact(0)), new Breakdown("12-17", exact(0)),
                new Breakdown("18-25", small(1)), new Breakdown("26-64", small(3)), new Breakdown("65+", small(1)),
                new Breakdown("unknown", exact(0)));
        assertThat(report.youngestAge()).isEqualTo(2);
        assertThat(report.youngestAgeSuppressed()).isTrue();
        assertThat(report.oldestAge()).isEqualTo(76);
        assertThat(report.oldestAgeSuppressed()).isTrue();
        assertThat(report.countriesOfOriginCount()).isEqualTo(3);
        assertThat(report.countriesOfOrigin()).containsExactly(
                new Breakdown("CZ", small(2)), new Breakdown("GB", small(2)), new Breakdown("SK", small(4)));
        // S1 S2 Together Time, S3 ESOL, S4 coffee morning; S7 cancelled
        assertThat(report.sessionsByKind()).containsExactly(new Count("ACTIVITY_SESSION", 2),
                new Count("COFFEE_MORNING", 1), new Count("LANGUAGE_CLASS", 1));
        assertThat(report.sessionsHeld()).isEqualTo(4);
        assertThat(report.eventsByKind()).containsExactly(new Count("COMMUNITY_EVENT", 1),
                new Count("PROFESSIONAL_WORKSHOP", 1));
        assertThat(report.eventsHeld()).isEqualTo(2);
        // 4 + 3 + 2 + 2 + 3 + 0
        assertThat(report.totalAttendances()).isEqualTo(14);
        assertThat(report.headcountsByGroup()).containsExactly(new Count("organisation:org-school", 12),
                new Count("roma-community", 40), new Count("wider-community", 149));
        assertThat(report.totalHeadcount()).isEqualTo(201);
        assertThat(report.questionnaires()).isEqualTo(new QuestionnaireFigures(1, 4, 2, 50.0));
        assertThat(report.asOfPosition()).isNull();
        assertThat(report.targets()).containsExactly(
                new TargetProgress(ROMA, true, 6L, 60.0, 4L, false),
                new TargetProgress(WIDER, true, 2L, 0.2, 998L, true),
                new TargetProgress(SESSIONS, true, 4L, 20.0, 16L, false),
                new TargetProgress(EVENTS, true, 2L, 100.0, 0L, false),
                new TargetProgress(PARTNERSHIPS, false, null, null, null, false),
                new TargetProgress(WORKSHOPS_IN_MARCH, true, 1L, 25.0, 3L, false));
    }

    @Test
    void should_count_only_march_including_people_who_also_came_later() {
        ProgrammeReport report = report("2026-03-01", "2026-03-31");

        // m1 c1 c2 e1 m2 w2 w1 (m2 and w1 also came in June); c3 came only to the festival
        assertThat(report.distinctParticipants()).isEqualTo(exact(7));
        assertThat(report.byTown()).containsExactly(
                new Breakdown("Dover", small(1)), new Breakdown("Folkestone", small(4)), new Breakdown("Margate", small(2)));
        assertThat(report.sessionsHeld()).isEqualTo(4);
        assertThat(report.eventsByKind()).containsExactly(new Count("PROFESSIONAL_WORKSHOP", 1));
        // 4 + 3 + 2 + 2 + 0
        assertThat(report.totalAttendances()).isEqualTo(11);
        assertThat(report.headcountsByGroup()).containsExactly(new Count("organisation:org-school", 12));
        assertThat(report.questionnaires()).isEqualTo(new QuestionnaireFigures(0, 0, 0, 0.0));
        // targets are measured over their own periods, whatever the report's period
        assertThat(report.targets().get(0).actual()).isEqualTo(6L);
    }

    @Test
    void should_leave_out_a_cancelled_session_entirely() {
        ProgrammeReport april = report("2026-04-01", "2026-04-30");

        assertThat(april.distinctParticipants()).isEqualTo(exact(0));
        assertThat(april.sessionsHeld()).isZero();
        assertThat(april.totalAttendances()).isZero();
        assertThat(april.youngestAge()).isNull();
    }

    @Test
    void should_find_no_report_for_another_tenant() {
        assertThat(models.optional(new FindProgrammeReport("darmstadt", PROGRAMME, null, null), ProgrammeReport.class))
                .isEmpty();
    }
}
