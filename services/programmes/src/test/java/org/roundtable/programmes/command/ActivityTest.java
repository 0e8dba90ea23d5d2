package org.roundtable.programmes.command;

import static org.roundtable.programmes.command.DomainExceptionMatcher.refusedAs;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.ActivityPlanned;
import org.roundtable.programmes.api.ActivityRescheduled;
import org.roundtable.programmes.api.ActivityRetired;
import org.roundtable.programmes.api.PlanActivity;
import org.roundtable.programmes.api.RescheduleActivity;
import org.roundtable.programmes.api.RetireActivity;
import org.roundtable.programmes.api.WeeklySchedule;

class ActivityTest {

    static final String KENT = "kent";
    static final String ID = "activity-1";
    static final String PROGRAMME = "programme-1";
    static final String CLOSED = "programme-closed";
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    static final Map<String, String> AS_KENT = Map.of(MetadataKeys.TENANT_ID, KENT, MetadataKeys.ACTOR_ID, "admin-1");
    static final Map<String, String> AS_KREFELD = Map.of(MetadataKeys.TENANT_ID, "krefeld", MetadataKeys.ACTOR_ID, "admin-7");
    static final WeeklySchedule TUESDAYS = new WeeklySchedule(Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 30),
            LocalTime.of(11, 0), LocalDate.of(2026, 1, 6), LocalDate.of(2026, 12, 15));

    FixtureConfiguration<Activity> fixture;
    FakeProgrammeReferences references;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Activity.class);
        references = new FakeProgrammeReferences(TODAY)
                .withProgramme(KENT, new ProgrammeReferences.ProgrammeFacts(PROGRAMME, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2028, 12, 31), false))
                .withProgramme(KENT, new ProgrammeReferences.ProgrammeFacts(CLOSED, LocalDate.of(2026, 1, 1),
                        LocalDate.of(2028, 12, 31), true))
                .withInactivePartner("org-former");
        fixture.registerInjectableResource(references);
    }

    static PlanActivity plan(String programme, WeeklySchedule schedule, Set<String> partners) {
        return new PlanActivity(ID, programme, "Together Time", ActivityKind.ACTIVITY_SESSION,
                "parents with children 0-6", "Folkestone", "Children's Centre", schedule, List.of("en", "rom", "sk"),
                true, partners);
    }

    static ActivityPlanned planned() {
        return new ActivityPlanned(ID, KENT, PROGRAMME, "Together Time", ActivityKind.ACTIVITY_SESSION,
                "parents with children 0-6", "Folkestone", "Children's Centre", TUESDAYS, List.of("en", "rom", "sk"), true,
                Set.of("org-school"));
    }

    @Test
    void should_plan_a_weekly_activity_with_partners() {
        fixture.givenNoPriorActivity()
                .when(plan(PROGRAMME, TUESDAYS, Set.of("org-school")), AS_KENT)
                .expectResultMessagePayload(0L)
                .expectEvents(planned());
    }

    @Test
    void should_run_an_open_ended_schedule_until_the_programme_ends() {
        WeeklySchedule open = new WeeklySchedule(Set.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), LocalTime.of(18, 0),
                LocalTime.of(19, 30), LocalDate.of(2026, 2, 2), null);
        WeeklySchedule closed = new WeeklySchedule(open.days(), open.startTime(), open.endTime(), open.from(),
                LocalDate.of(2028, 12, 31));
        fixture.givenNoPriorActivity()
                .when(plan(PROGRAMME, open, Set.of()), AS_KENT)
                .expectEvents(new ActivityPlanned(ID, KENT, PROGRAMME, "Together Time", ActivityKind.ACTIVITY_SESSION,
                        "parents with children 0-6", "Folkestone", "Children's Centre", closed, List.of("en", "rom", "sk"),
                        true, Set.of()));
    }

    @Test
    void should_refuse_an_activity_in_another_tenants_or_a_missing_programme() {
        fixture.givenNoPriorActivity()
                .when(plan(PROGRAMME, TUESDAYS, Set.of()), AS_KREFELD)
                .expectException(refusedAs(ProblemType.NOT_FOUND))
                .expectNoEvents();
    }

    @Test
    void should_refuse_an_activity_in_a_closed_programme() {
        fixture.givenNoPriorActivity()
                .when(plan(CLOSED, TUESDAYS, Set.of()), AS_KENT)
                .expectException(refusedAs(ProblemType.CONFLICT));
    }

    @Test
    void should_refuse_a_schedule_outside_the_programme_period_or_without_days_or_with_times_reversed() {
        WeeklySchedule early = new WeeklySchedule(Set.of(DayOfWeek.TUESDAY), LocalTime.of(9, 0), LocalTime.of(10, 0),
                LocalDate.of(2025, 9, 1), null);
        WeeklySchedule noDays = new WeeklySchedule(Set.of(), LocalTime.of(9, 0), LocalTime.of(10, 0),
                LocalDate.of(2026, 9, 1), null);
        WeeklySchedule reversed = new WeeklySchedule(Set.of(DayOfWeek.FRIDAY), LocalTime.of(11, 0), LocalTime.of(10, 0),
                LocalDate.of(2026, 9, 1), null);
        for (WeeklySchedule schedule : List.of(early, noDays, reversed)) {
            fixture.givenNoPriorActivity()
                    .when(plan(PROGRAMME, schedule, Set.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                    .expectNoEvents();
        }
    }

    @Test
    void should_refuse_a_partner_organisation_that_is_not_active() {
        fixture.givenNoPriorActivity()
                .when(plan(PROGRAMME, TUESDAYS, Set.of("org-former")), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_reschedule_an_activity() {
        WeeklySchedule thursdays = new WeeklySchedule(Set.of(DayOfWeek.THURSDAY), LocalTime.of(13, 0),
                LocalTime.of(14, 30), LocalDate.of(2026, 6, 4), LocalDate.of(2026, 12, 17));
        fixture.given(planned())
                .when(new RescheduleActivity(ID, thursdays, "school hall moved"), AS_KENT)
                .expectResultMessagePayload(1L)
                .expectEvents(new ActivityRescheduled(ID, thursdays, "school hall moved"));
    }

    @Test
    void should_retire_an_activity_from_today_when_no_date_is_given_and_refuse_changes_afterwards() {
        fixture.given(planned())
                .when(new RetireActivity(ID, null, "funding moved"), AS_KENT)
                .expectEvents(new ActivityRetired(ID, TODAY, "funding moved"));
        fixture.given(planned(), new ActivityRetired(ID, TODAY, null))
                .when(new RescheduleActivity(ID, TUESDAYS, null), AS_KENT)
                .expectException(refusedAs(ProblemType.CONFLICT));
        fixture.given(planned(), new ActivityRetired(ID, TODAY, null))
                .when(new RetireActivity(ID, null, null), AS_KENT)
                .expectException(refusedAs(ProblemType.CONFLICT));
    }

    @Test
    void should_answer_another_tenant_as_if_the_activity_did_not_exist() {
        fixture.given(planned())
                .when(new RetireActivity(ID, null, null), AS_KREFELD)
                .expectException(refusedAs(ProblemType.NOT_FOUND))
                .expectNoEvents();
    }
}
