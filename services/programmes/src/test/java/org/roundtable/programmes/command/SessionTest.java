package org.roundtable.programmes.command;

import static org.roundtable.programmes.command.DomainExceptionMatcher.refusedAs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.participants.api.Consents;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.AttachRegisteredAttendee;
import org.roundtable.programmes.api.AttendanceCorrected;
import org.roundtable.programmes.api.CancelSession;
import org.roundtable.programmes.api.CorrectAttendance;
import org.roundtable.programmes.api.FamilyCheckIn;
import org.roundtable.programmes.api.Headcount;
import org.roundtable.programmes.api.HoldSession;
import org.roundtable.programmes.api.RecordSessionFeedback;
import org.roundtable.programmes.api.RegisteredAttendeeAttached;
import org.roundtable.programmes.api.SessionCancelled;
import org.roundtable.programmes.api.SessionFeedbackRecorded;
import org.roundtable.programmes.api.SessionHeld;

class SessionTest {

    static final String KENT = "kent";
    static final String ID = "session-1";
    static final String PROGRAMME = "programme-1";
    static final String CLOSED = "programme-closed";
    static final String ACTIVITY = "together-time";
    static final String RETIRED = "old-club";
    static final LocalDate TODAY = LocalDate.of(2026, 5, 5);
    static final LocalDate HELD = LocalDate.of(2026, 5, 5);
    static final Map<String, String> AS_KENT = Map.of(MetadataKeys.TENANT_ID, KENT, MetadataKeys.ACTOR_ID, "officer-1");
    static final Map<String, String> AS_KREFELD = Map.of(MetadataKeys.TENANT_ID, "krefeld", MetadataKeys.ACTOR_ID, "staff-7");
    static final List<String> FACILITATORS = List.of("officer-1", "officer-2");

    FixtureConfiguration<Session> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Session.class);
        fixture.registerInjectableResource(new FakeProgrammeReferences(TODAY)
                .withProgramme(KENT, new ProgrammeReferences.ProgrammeFacts(PROGRAMME, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2028, 12, 31), false))
                .withProgramme(KENT, new ProgrammeReferences.ProgrammeFacts(CLOSED, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2028, 12, 31), true))
                .withActivity(KENT, new ProgrammeReferences.ActivityFacts(ACTIVITY, PROGRAMME,
                        ActivityKind.ACTIVITY_SESSION, "Folkestone", null))
                .withActivity(KENT, new ProgrammeReferences.ActivityFacts(RETIRED, PROGRAMME,
                        ActivityKind.COFFEE_MORNING, "Dover", LocalDate.of(2026, 4, 1)))
                .withParticipant(KENT, new AttendeeFacts("mother", null, false, Set.of(Consents.PROGRAMME_RECORDS)))
                .withParticipant(KENT, new AttendeeFacts("child-1", "mother", false, Set.of()))
                .withParticipant(KENT, new AttendeeFacts("child-2", "mother", false, Set.of()))
                .withParticipant(KENT, new AttendeeFacts("neighbour-child", "someone-else", false, Set.of()))
                .withParticipant(KENT, new AttendeeFacts("volunteer", null, false, Set.of(Consents.PROGRAMME_RECORDS)))
                .withParticipant(KENT, new AttendeeFacts("late-registrant", null, false, Set.of(Consents.PROGRAMME_RECORDS)))
                .withParticipant(KENT, new AttendeeFacts("no-consent", null, false, Set.of()))
                .withParticipant(KENT, new AttendeeFacts("erased", null, true, Set.of()))
                .withParticipant("krefeld", new AttendeeFacts("krefeld-person", null, false, Set.of())));
    }

    static HoldSession occurrence(LocalDate date, List<String> individuals, List<FamilyCheckIn> families,
                                  List<Headcount> headcounts) {
        return new HoldSession(ID, null, ACTIVITY, null, null, null, date, FACILITATORS, individuals, families, headcounts);
    }

    static SessionHeld held() {
        return new SessionHeld(ID, KENT, PROGRAMME, ACTIVITY, ActivityKind.ACTIVITY_SESSION, false, null, "Folkestone",
                HELD, FACILITATORS, List.of("volunteer"), List.of(new FamilyCheckIn("mother", List.of("child-1", "child-2"))),
                List.of(new Headcount("wider-community", null, 3)));
    }

    @Nested
    class Holding {

        @Test
        void should_record_an_occurrence_with_individuals_a_family_and_a_headcount_in_one_command() {
            fixture.givenNoPriorActivity()
                    .when(occurrence(HELD, List.of("volunteer"), List.of(new FamilyCheckIn("mother", List.of("child-1", "child-2"))),
                            List.of(new Headcount("wider-community", null, 3))), AS_KENT)
                    .expectResultMessagePayload(0L)
                    .expectEvents(held());
        }

        @Test
        void should_record_a_one_off_festival_with_headcounts_by_group_and_organisation() {
            HoldSession festival = new HoldSession(ID, PROGRAMME, null, ActivityKind.COMMUNITY_EVENT,
                    "Multicultural festival", "Margate", HELD, FACILITATORS, List.of(), List.of(),
                    List.of(new Headcount("wider-community", null, 120), new Headcount(null, "org-fire-service", 4)));
            fixture.givenNoPriorActivity()
                    .when(festival, AS_KENT)
                    .expectEvents(new SessionHeld(ID, KENT, PROGRAMME, null, ActivityKind.COMMUNITY_EVENT, true,
                            "Multicultural festival", "Margate", HELD, FACILITATORS, List.of(), List.of(),
                            festival.headcounts()));
        }

        @Test
        void should_refuse_a_one_off_event_without_a_title() {
            fixture.givenNoPriorActivity()
                    .when(new HoldSession(ID, PROGRAMME, null, ActivityKind.COMMUNITY_EVENT, null, null, HELD, FACILITATORS,
                            List.of(), List.of(), List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_participant_of_another_agency_and_write_nothing() {
            fixture.givenNoPriorActivity()
                    .when(occurrence(HELD, List.of("volunteer", "krefeld-person"), List.of(), List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("not a participant of this agency"))
                    .expectNoEvents();
        }

        @Test
        void should_refuse_an_erased_participant() {
            fixture.givenNoPriorActivity()
                    .when(occurrence(HELD, List.of("erased"), List.of(), List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                    .expectNoEvents();
        }

        @Test
        void should_refuse_a_child_who_does_not_belong_to_the_guardians_household() {
            fixture.givenNoPriorActivity()
                    .when(occurrence(HELD, List.of(), List.of(new FamilyCheckIn("mother", List.of("child-1", "neighbour-child"))),
                            List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("household"))
                    .expectNoEvents();
        }

        @Test
        void should_refuse_a_person_listed_twice() {
            fixture.givenNoPriorActivity()
                    .when(occurrence(HELD, List.of("mother"), List.of(new FamilyCheckIn("mother", List.of("child-1"))),
                            List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_session_dated_in_the_future() {
            fixture.givenNoPriorActivity()
                    .when(occurrence(TODAY.plusDays(1), List.of("volunteer"), List.of(), List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("future"));
        }

        @Test
        void should_refuse_a_session_before_the_programme_starts() {
            fixture.givenNoPriorActivity()
                    .when(occurrence(LocalDate.of(2025, 12, 31), List.of(), List.of(), List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_new_session_in_a_closed_programme() {
            fixture.givenNoPriorActivity()
                    .when(new HoldSession(ID, CLOSED, null, ActivityKind.COMMUNITY_EVENT, "Community day", null, HELD,
                            FACILITATORS, List.of(), List.of(), List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.CONFLICT))
                    .expectNoEvents();
        }

        @Test
        void should_refuse_a_session_of_a_retired_activity_after_its_retirement() {
            fixture.givenNoPriorActivity()
                    .when(new HoldSession(ID, null, RETIRED, null, null, null, HELD, FACILITATORS, List.of(), List.of(),
                            List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_another_agencys_activity_as_not_found() {
            fixture.givenNoPriorActivity()
                    .when(occurrence(HELD, List.of("krefeld-person"), List.of(), List.of()), AS_KREFELD)
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }

        @Test
        void should_refuse_a_session_without_facilitators_or_with_an_empty_headcount() {
            fixture.givenNoPriorActivity()
                    .when(new HoldSession(ID, null, ACTIVITY, null, null, null, HELD, List.of(), List.of(), List.of(),
                            List.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.givenNoPriorActivity()
                    .when(occurrence(HELD, List.of(), List.of(), List.of(new Headcount("wider-community", null, 0))), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.givenNoPriorActivity()
                    .when(occurrence(HELD, List.of(), List.of(), List.of(new Headcount("wider-community", "org-x", 2))), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }
    }

    @Nested
    class Correcting {

        @Test
        void should_add_and_remove_attendees_and_set_a_headcount_with_a_reason() {
            CorrectAttendance correction = new CorrectAttendance(ID, List.of("late-registrant"), List.of("volunteer"),
                    List.of(new Headcount("wider-community", null, 2)), "register typed from the wrong sheet");
            fixture.given(held())
                    .when(correction, AS_KENT)
                    .expectResultMessagePayload(1L)
                    .expectEvents(new AttendanceCorrected(ID, List.of("late-registrant"), List.of("volunteer"),
                            List.of(new Headcount("wider-community", null, 2)), "register typed from the wrong sheet"));
        }

        @Test
        void should_refuse_a_correction_without_a_reason_or_that_changes_nothing() {
            fixture.given(held())
                    .when(new CorrectAttendance(ID, List.of("late-registrant"), List.of(), List.of(), null), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(held())
                    .when(new CorrectAttendance(ID, List.of(), List.of(), List.of(), "nothing"), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_adding_someone_present_or_removing_someone_absent() {
            fixture.given(held())
                    .when(new CorrectAttendance(ID, List.of("mother"), List.of(), List.of(), "twice"), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(held())
                    .when(new CorrectAttendance(ID, List.of(), List.of("late-registrant"), List.of(), "absent"), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_adding_someone_of_another_agency() {
            fixture.given(held())
                    .when(new CorrectAttendance(ID, List.of("krefeld-person"), List.of(), List.of(), "added"), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                    .expectNoEvents();
        }

        @Test
        void should_take_no_attendance_on_a_cancelled_session() {
            fixture.given(held(), new SessionCancelled(ID, "recorded twice"))
                    .when(new CorrectAttendance(ID, List.of("late-registrant"), List.of(), List.of(), "late"), AS_KENT)
                    .expectException(refusedAs(ProblemType.CONFLICT))
                    .expectNoEvents();
            fixture.given(held(), new SessionCancelled(ID, "recorded twice"))
                    .when(new AttachRegisteredAttendee(ID, "late-registrant", "wider-community"), AS_KENT)
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_answer_another_tenant_as_if_the_session_did_not_exist() {
            fixture.given(held())
                    .when(new CancelSession(ID, "not ours"), AS_KREFELD)
                    .expectException(refusedAs(ProblemType.NOT_FOUND))
                    .expectNoEvents();
        }
    }

    @Nested
    class AttachingLaterRegistrants {

        @Test
        void should_attach_a_person_who_registered_with_consent_and_take_them_off_the_headcount() {
            fixture.given(held())
                    .when(new AttachRegisteredAttendee(ID, "late-registrant", "wider-community"), AS_KENT)
                    .expectEvents(new RegisteredAttendeeAttached(ID, "late-registrant", "wider-community"));
        }

        @Test
        void should_refuse_when_the_group_has_nobody_left_in_its_headcount() {
            fixture.given(held(), new RegisteredAttendeeAttached(ID, "volunteer-a", "wider-community"),
                            new RegisteredAttendeeAttached(ID, "volunteer-b", "wider-community"),
                            new RegisteredAttendeeAttached(ID, "volunteer-c", "wider-community"))
                    .when(new AttachRegisteredAttendee(ID, "late-registrant", "wider-community"), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(held())
                    .when(new AttachRegisteredAttendee(ID, "late-registrant", "roma-community"), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_person_without_consent_for_programme_records_or_already_present() {
            fixture.given(held())
                    .when(new AttachRegisteredAttendee(ID, "no-consent", "wider-community"), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(held())
                    .when(new AttachRegisteredAttendee(ID, "volunteer", "wider-community"), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }
    }

    @Nested
    class CancellingAndFeedback {

        @Test
        void should_cancel_a_session_once_with_a_reason() {
            fixture.given(held())
                    .when(new CancelSession(ID, "recorded twice"), AS_KENT)
                    .expectEvents(new SessionCancelled(ID, "recorded twice"));
            fixture.given(held())
                    .when(new CancelSession(ID, null), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(held(), new SessionCancelled(ID, "recorded twice"))
                    .when(new CancelSession(ID, "again"), AS_KENT)
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_record_a_feedback_note_about_the_session() {
            fixture.given(held())
                    .when(new RecordSessionFeedback(ID, "Room too small; bring more crayons."), AS_KENT)
                    .expectEvents(new SessionFeedbackRecorded(ID, "Room too small; bring more crayons."));
            fixture.given(held())
                    .when(new RecordSessionFeedback(ID, "  "), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }
    }
}
