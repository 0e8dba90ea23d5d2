package org.roundtable.programmes.command;

import static org.roundtable.programmes.command.DomainExceptionMatcher.refusedAs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.programmes.api.ActivityKind;
import org.roundtable.programmes.api.ChangeTargets;
import org.roundtable.programmes.api.CloseProgramme;
import org.roundtable.programmes.api.Funding;
import org.roundtable.programmes.api.FundingType;
import org.roundtable.programmes.api.LaunchProgramme;
import org.roundtable.programmes.api.ProgrammeClosed;
import org.roundtable.programmes.api.ProgrammeLaunched;
import org.roundtable.programmes.api.ProgrammeTargetsChanged;
import org.roundtable.programmes.api.Target;
import org.roundtable.programmes.api.TargetMetric;

class ProgrammeTest {

    static final String KENT = "kent";
    static final String ID = "programme-1";
    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2028, 12, 31);
    static final Map<String, String> AS_KENT = Map.of(MetadataKeys.TENANT_ID, KENT, MetadataKeys.ACTOR_ID, "admin-1");
    static final Map<String, String> AS_DARMSTADT = Map.of(MetadataKeys.TENANT_ID, "darmstadt", MetadataKeys.ACTOR_ID, "admin-9");
    static final List<Funding> FUNDERS = List.of(
            new Funding("National Lottery Community Fund", FundingType.GRANT, new BigDecimal("450000.00"), "GBP"),
            new Funding("Kent County Council", FundingType.OWN_CONTRIBUTION, new BigDecimal("30000"), "GBP"));
    static final Target ROMA = new Target(TargetMetric.DISTINCT_PARTICIPANTS, "roma-community", null, 400,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    static final Target WIDER = new Target(TargetMetric.DISTINCT_PARTICIPANTS, "wider-community", null, 1000,
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

    FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    static LaunchProgramme launch(List<Target> targets) {
        return new LaunchProgramme(ID, "Integrated Communities", START, END, List.of("Folkestone", "Dover", "Margate"),
                FUNDERS, targets);
    }

    static ProgrammeLaunched launched(List<Target> targets) {
        return new ProgrammeLaunched(ID, KENT, "Integrated Communities", START, END,
                List.of("Folkestone", "Dover", "Margate"), FUNDERS, targets);
    }

    @Test
    void should_launch_a_programme_with_towns_funders_and_targets() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(ROMA, WIDER)), AS_KENT)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(0L)
                .expectEvents(launched(List.of(ROMA, WIDER)));
    }

    @Test
    void should_give_a_target_without_its_own_period_the_programme_period() {
        Target sessions = new Target(TargetMetric.SESSIONS_HELD, null, ActivityKind.LANGUAGE_CLASS, 80, null, null);
        fixture.givenNoPriorActivity()
                .when(launch(List.of(sessions)), AS_KENT)
                .expectEvents(launched(List.of(new Target(TargetMetric.SESSIONS_HELD, null, ActivityKind.LANGUAGE_CLASS,
                        80, START, END))));
    }

    @Test
    void should_refuse_a_target_outside_the_programme_period() {
        Target late = new Target(TargetMetric.EVENTS_HELD, null, null, 5, LocalDate.of(2028, 6, 1), LocalDate.of(2029, 5, 31));
        fixture.givenNoPriorActivity()
                .when(launch(List.of(late)), AS_KENT)
                .expectException(DomainException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("inside the programme period"))
                .expectNoEvents();
    }

    @Test
    void should_refuse_a_programme_that_ends_before_it_starts() {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, "Backwards", END, START, List.of(), List.of(), List.of()), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                .expectNoEvents();
    }

    @Test
    void should_refuse_funding_in_an_unknown_currency_or_without_an_amount() {
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, "Integrated Communities", START, END, List.of(),
                        List.of(new Funding("Lottery", FundingType.GRANT, BigDecimal.TEN, "XXY")), List.of()), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        fixture.givenNoPriorActivity()
                .when(new LaunchProgramme(ID, "Integrated Communities", START, END, List.of(),
                        List.of(new Funding("Lottery", FundingType.GRANT, BigDecimal.ZERO, "GBP")), List.of()), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_refuse_a_reach_group_on_a_target_that_does_not_count_people() {
        Target wrong = new Target(TargetMetric.EVENTS_HELD, "roma-community", null, 5, null, null);
        fixture.givenNoPriorActivity()
                .when(launch(List.of(wrong)), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_refuse_the_same_target_twice() {
        fixture.givenNoPriorActivity()
                .when(launch(List.of(ROMA, ROMA)), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_change_targets_with_a_reason() {
        Target more = new Target(TargetMetric.DISTINCT_PARTICIPANTS, "roma-community", null, 500,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        fixture.given(launched(List.of(ROMA, WIDER)))
                .when(new ChangeTargets(ID, List.of(more, WIDER), "funder raised the target"), AS_KENT)
                .expectResultMessagePayload(1L)
                .expectEvents(new ProgrammeTargetsChanged(ID, List.of(more, WIDER), "funder raised the target"));
    }

    @Test
    void should_refuse_a_target_change_without_a_reason() {
        fixture.given(launched(List.of(ROMA)))
                .when(new ChangeTargets(ID, List.of(WIDER), " "), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                .expectNoEvents();
    }

    @Test
    void should_refuse_a_changed_target_outside_the_period() {
        Target early = new Target(TargetMetric.DISTINCT_PARTICIPANTS, null, null, 10, LocalDate.of(2025, 6, 1), START);
        fixture.given(launched(List.of(ROMA)))
                .when(new ChangeTargets(ID, List.of(early), "moved"), AS_KENT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_close_a_programme_once() {
        fixture.given(launched(List.of()))
                .when(new CloseProgramme(ID, "funding ended"), AS_KENT)
                .expectEvents(new ProgrammeClosed(ID, "funding ended"));
        fixture.given(launched(List.of()), new ProgrammeClosed(ID, null))
                .when(new CloseProgramme(ID, null), AS_KENT)
                .expectException(refusedAs(ProblemType.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void should_refuse_target_changes_on_a_closed_programme() {
        fixture.given(launched(List.of(ROMA)), new ProgrammeClosed(ID, null))
                .when(new ChangeTargets(ID, List.of(WIDER), "late change"), AS_KENT)
                .expectException(refusedAs(ProblemType.CONFLICT));
    }

    @Test
    void should_answer_another_tenant_as_if_the_programme_did_not_exist() {
        fixture.given(launched(List.of(ROMA)))
                .when(new CloseProgramme(ID, null), AS_DARMSTADT)
                .expectException(refusedAs(ProblemType.NOT_FOUND))
                .expectNoEvents();
        fixture.given(launched(List.of(ROMA)))
                .when(new ChangeTargets(ID, List.of(WIDER), "takeover"), AS_DARMSTADT)
                .expectException(refusedAs(ProblemType.NOT_FOUND));
    }
}
