package org.roundtable.programmes.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.programmes.query.ReadModels.date;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.ActivityPlanned;
import org.roundtable.programmes.api.ActivityRescheduled;
import org.roundtable.programmes.api.ActivityRetired;
import org.roundtable.programmes.api.ActivityView;
import org.roundtable.programmes.api.AttendanceCorrected;
import org.roundtable.programmes.api.AttendanceRecord;
import org.roundtable.programmes.api.CalendarEntry;
import org.roundtable.programmes.api.FamilyCheckIn;
import org.roundtable.programmes.api.FindActivities;
import org.roundtable.programmes.api.FindActivity;
import org.roundtable.programmes.api.FindAttendanceHistory;
import org.roundtable.programmes.api.FindCalendar;
import org.roundtable.programmes.api.FindProgramme;
import org.roundtable.programmes.api.FindProgrammeVersion;
import org.roundtable.programmes.api.FindProgrammes;
import org.roundtable.programmes.api.FindQuestionnaire;
import org.roundtable.programmes.api.FindSession;
import org.roundtable.programmes.api.FindSessionVersion;
import org.roundtable.programmes.api.Funding;
import org.roundtable.programmes.api.FundingType;
import org.roundtable.programmes.api.Headcount;
import org.roundtable.programmes.api.ProgrammeClosed;
import org.roundtable.programmes.api.ProgrammeLaunched;
import org.roundtable.programmes.api.ProgrammeTargetsChanged;
import org.roundtable.programmes.api.ProgrammeView;
import org.roundtable.programmes.api.QuestionnaireReturned;
import org.roundtable.programmes.api.QuestionnaireSent;
import org.roundtable.programmes.api.QuestionnaireView;
import org.roundtable.programmes.api.RegisteredAttendeeAttached;
import org.roundtable.programmes.api.SessionCancelled;
import org.roundtable.programmes.api.SessionFeedbackRecorded;
import org.roundtable.programmes.api.SessionHeld;
import org.roundtable.programmes.api.SessionView;
import org.roundtable.programmes.api.Target;
import org.roundtable.programmes.api.TargetMetric;
import org.roundtable.programmes.api.WeeklySchedule;

/** The catalogue, register and calendar projections over the embedded MongoDB server. */
class ProgrammeProjectionsTest {

    static final String KENT = "kent";
    static final String P = "programme-1";
    static final Target ROMA = new Target(TargetMetric.DISTINCT_PARTICIPANTS, "roma-community", null, 400,
            date("2026-01-01"), date("2026-12-31"));
    static final WeeklySchedule TUESDAYS = new WeeklySchedule(Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 30),
            LocalTime.of(11, 0), date("2026-03-01"), date("2026-12-31"));

    ReadModels models;

    @BeforeEach
    void setUp() throws Exception {
        models = new ReadModels(5);
        models.publish(P, 0, new ProgrammeLaunched(P, KENT, "Integrated Communities", date("2026-01-01"), date("2026-12-31"),
                List.of("Folkestone"), List.of(new Funding("Lottery", FundingType.GRANT, new BigDecimal("1000.50"), "GBP")),
                List.of(ROMA)));
    }

    @AfterEach
    void tearDown() {
        models.close();
    }

    @Test
    void should_follow_a_programme_through_target_change_and_closure_and_ignore_redelivery() throws Exception {
        Target more = new Target(TargetMetric.DISTINCT_PARTICIPANTS, "roma-community", null, 500, date("2026-01-01"),
                date("2026-12-31"));
        models.publish(P, 1, new ProgrammeTargetsChanged(P, List.of(more), "raised"));
        models.publish(P, 1, new ProgrammeTargetsChanged(P, List.of(ROMA), "stale redelivery"));
        models.publish(P, 2, new ProgrammeClosed(P, "ended"));

        ProgrammeView view = models.optional(new FindProgramme(KENT, P), ProgrammeView.class).orElseThrow();
        assertThat(view.targets()).containsExactly(more);
        assertThat(view.funders()).containsExactly(new Funding("Lottery", FundingType.GRANT, new BigDecimal("1000.50"), "GBP"));
        assertThat(view.closed()).isTrue();
        assertThat(view.closedAt()).isNotNull();
        assertThat(view.version()).isEqualTo(2);
        assertThat(models.query(new FindProgrammeVersion(KENT, P), Long.class)).isEqualTo(2L);
        assertThat(models.list(new FindProgrammes(KENT), ProgrammeView.class)).extracting(ProgrammeView::id).containsExactly(P);
    }

    @Test
    void should_never_show_one_tenants_programmes_activities_sessions_or_questionnaires_to_another() throws Exception {
        models.publish("a1", 0, new ActivityPlanned("a1", KENT, P, "Together Time", ActivityKind.ACTIVITY_SESSION, "0-6",
                "Folkestone", null, TUESDAYS, List.of("en"), false, Set.of()));
        models.register(KENT, "m1", "Folkestone", "roma-community", 1990, "SK", null);
        models.publish("s1", 0, session("s1", "a1", "2026-03-03", List.of("m1")));
        models.publish("q1", 0, new QuestionnaireSent("q1", KENT, P, "Q", true, List.of("m1"), date("2026-03-04")));

        assertThat(models.optional(new FindProgramme("krefeld", P), ProgrammeView.class)).isEmpty();
        assertThat(models.list(new FindProgrammes("krefeld"), ProgrammeView.class)).isEmpty();
        assertThat(models.query(new FindProgrammeVersion("krefeld", P), Long.class)).isEqualTo(-1L);
        assertThat(models.optional(new FindActivity("krefeld", "a1"), ActivityView.class)).isEmpty();
        assertThat(models.list(new FindActivities("krefeld", null), ActivityView.class)).isEmpty();
        assertThat(models.optional(new FindSession("krefeld", "s1"), SessionView.class)).isEmpty();
        assertThat(models.query(new FindSessionVersion("krefeld", "s1"), Long.class)).isEqualTo(-1L);
        assertThat(models.list(new FindAttendanceHistory("krefeld", "m1"), AttendanceRecord.class)).isEmpty();
        assertThat(models.optional(new FindQuestionnaire("krefeld", "q1"), QuestionnaireView.class)).isEmpty();
        assertThat(models.list(new FindCalendar("krefeld", null, date("2026-03-01"), date("2026-03-31")), CalendarEntry.class))
                .isEmpty();
    }

    @Test
    void should_keep_an_activity_schedule_and_retirement() throws Exception {
        models.publish("a1", 0, new ActivityPlanned("a1", KENT, P, "Together Time", ActivityKind.ACTIVITY_SESSION, "0-6",
                "Folkestone", "Children's Centre", TUESDAYS, List.of("en", "rom"), true, Set.of("org-school")));
        WeeklySchedule thursdays = new WeeklySchedule(Set.of(DayOfWeek.THURSDAY), LocalTime.of(13, 0), LocalTime.of(14, 0),
                date("2026-03-01"), date("2026-12-31"));
        models.publish("a1", 1, new ActivityRescheduled("a1", thursdays, null));
        models.publish("a1", 2, new ActivityRetired("a1", date("2026-06-01"), "ended"));

        ActivityView view = models.optional(new FindActivity(KENT, "a1"), ActivityView.class).orElseThrow();
        assertThat(view.schedule()).isEqualTo(thursdays);
        assertThat(view.retiredFrom()).isEqualTo(date("2026-06-01"));
        assertThat(view.partnerOrganisationIds()).containsExactly("org-school");
        assertThat(view.simpleLanguage()).isTrue();
        assertThat(models.list(new FindActivities(KENT, P), ActivityView.class)).hasSize(1);
    }

    @Test
    void should_keep_a_register_with_families_headcounts_erasure_corrections_and_feedback() throws Exception {
        models.register(KENT, "m1", "Folkestone", "roma-community", 1990, "SK", null);
        models.register(KENT, "c1", "Folkestone", "roma-community", 2022, "SK", "m1");
        models.register(KENT, "v1", "Folkestone", "wider-community", 1980, "GB", null);
        models.register(KENT, "n1", "Folkestone", "wider-community", 1981, "GB", null);
        models.publish("s1", 0, new SessionHeld("s1", KENT, P, "a1", ActivityKind.ACTIVITY_SESSION, false, null, "Folkestone",
                date("2026-03-03"), List.of("officer-1"), List.of("v1"), List.of(new FamilyCheckIn("m1", List.of("c1"))),
                List.of(new Headcount("wider-community", null, 2))));
        models.publish("s1", 1, new RegisteredAttendeeAttached("s1", "n1", "wider-community"));
        models.publish("s1", 2, new AttendanceCorrected("s1", List.of(), List.of("v1"),
                List.of(new Headcount(null, "org-nhs", 3)), "volunteer was on leave"));
        models.publish("s1", 3, new SessionFeedbackRecorded("s1", "Bring more chairs"));
        models.publish("v1", 1, new ParticipantErased("v1", null));
        models.publish("m1", 1, new ParticipantErased("m1", null));

        SessionView view = models.optional(new FindSession(KENT, "s1"), SessionView.class).orElseThrow();
        assertThat(view.attendees()).containsExactly(new SessionView.Attendee("m1", true),
                new SessionView.Attendee("c1", false), new SessionView.Attendee("n1", false));
        assertThat(view.families()).containsExactly(new FamilyCheckIn("m1", List.of("c1")));
        assertThat(view.headcounts()).containsExactly(new Headcount("wider-community", null, 1),
                new Headcount(null, "org-nhs", 3));
        assertThat(view.totalHeadcount()).isEqualTo(4);
        assertThat(view.feedback()).containsExactly("Bring more chairs");
        assertThat(view.version()).isEqualTo(3);
        assertThat(models.list(new FindAttendanceHistory(KENT, "v1"), AttendanceRecord.class)).isEmpty();
        assertThat(models.list(new FindAttendanceHistory(KENT, "n1"), AttendanceRecord.class))
                .extracting(AttendanceRecord::sessionId).containsExactly("s1");
    }

    @Test
    void should_list_a_participants_attendance_newest_first_without_cancelled_sessions() throws Exception {
        models.register(KENT, "m1", "Folkestone", "roma-community", 1990, "SK", null);
        models.publish("s1", 0, session("s1", "a1", "2026-03-03", List.of("m1")));
        models.publish("s2", 0, session("s2", "a1", "2026-03-10", List.of("m1")));
        models.publish("s3", 0, session("s3", "a1", "2026-03-17", List.of("m1")));
        models.publish("s3", 1, new SessionCancelled("s3", "duplicate"));

        assertThat(models.list(new FindAttendanceHistory(KENT, "m1"), AttendanceRecord.class))
                .extracting(AttendanceRecord::sessionId).containsExactly("s2", "s1");
    }

    @Test
    void should_show_planned_occurrences_marked_where_a_session_is_recorded_and_stop_at_retirement() throws Exception {
        models.publish("a1", 0, new ActivityPlanned("a1", KENT, P, "Together Time", ActivityKind.ACTIVITY_SESSION, "0-6",
                "Folkestone", "Children's Centre", TUESDAYS, List.of(), false, Set.of()));
        models.publish("a1", 1, new ActivityRetired("a1", date("2026-03-24"), null));
        models.publish("s1", 0, session("s1", "a1", "2026-03-10", List.of()));
        models.publish("s9", 0, new SessionHeld("s9", KENT, P, null, ActivityKind.COMMUNITY_EVENT, true, "Community day",
                "Dover", date("2026-03-14"), List.of("officer-1"), List.of(), List.of(), List.of()));

        List<CalendarEntry> march = models.list(new FindCalendar(KENT, P, date("2026-03-01"), date("2026-03-31")),
                CalendarEntry.class);

        // Tuesdays 3, 10, 17 (retired from the 24th), and the community day on Saturday the 14th
        assertThat(march).extracting(CalendarEntry::date).containsExactly(date("2026-03-03"), date("2026-03-10"),
                date("2026-03-14"), date("2026-03-17"));
        assertThat(march).extracting(CalendarEntry::recorded).containsExactly(false, true, true, false);
        assertThat(march.get(1).sessionId()).isEqualTo("s1");
        assertThat(march.get(2).activityId()).isNull();
        assertThat(march.get(2).name()).isEqualTo("Community day");
        assertThat(march.get(0).startTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(models.list(new FindCalendar(KENT, null, date("2026-03-01"), date("2026-03-31")), CalendarEntry.class))
                .isEqualTo(march);
    }

    @Test
    void should_keep_questionnaire_returns_and_rate() throws Exception {
        models.publish("q1", 0, new QuestionnaireSent("q1", KENT, P, "How was it?", true, List.of("a", "b", "c"),
                date("2026-03-04")));
        models.publish("q1", 1, new QuestionnaireReturned("q1", "b"));
        models.publish("q1", 1, new QuestionnaireReturned("q1", "b"));

        QuestionnaireView view = models.optional(new FindQuestionnaire(KENT, "q1"), QuestionnaireView.class).orElseThrow();
        assertThat(view.returnedBy()).containsExactly("b");
        assertThat(view.returnRate()).isEqualTo(33.3);
    }

    @Test
    void should_empty_every_read_model_on_reset() throws Exception {
        models.register(KENT, "m1", "Folkestone", "roma-community", 1990, "SK", null);
        models.publish("s1", 0, session("s1", "a1", "2026-03-03", List.of("m1")));
        models.catalogue.reset();
        models.attendance.reset();
        models.facts.reset();

        for (String collection : List.of(ProgrammeCatalogueProjection.PROGRAMMES, ProgrammeAttendanceProjection.SESSIONS,
                ProgrammeAttendanceProjection.DAYS, ProgrammeAttendanceProjection.REACH, ParticipantFactsProjection.COLLECTION)) {
            assertThat(models.mongo.getCollection(collection).countDocuments()).as(collection).isZero();
        }
    }

    static SessionHeld session(String id, String activity, String date, List<String> attendees) {
        return new SessionHeld(id, KENT, P, activity, ActivityKind.ACTIVITY_SESSION, false, null, "Folkestone", date(date),
                List.of("officer-1"), attendees, List.of(), List.of());
    }
}
