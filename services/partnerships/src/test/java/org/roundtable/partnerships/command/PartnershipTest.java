package org.roundtable.partnerships.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.partnerships.command.DomainExceptionMatcher.refusedAs;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.partnerships.api.CheckInAssessment;
import org.roundtable.partnerships.api.EndPartnership;
import org.roundtable.partnerships.api.FormPartnership;
import org.roundtable.partnerships.api.LogPartnershipMeeting;
import org.roundtable.partnerships.api.PartnershipCheckedIn;
import org.roundtable.partnerships.api.PartnershipEnded;
import org.roundtable.partnerships.api.PartnershipFormation;
import org.roundtable.partnerships.api.PartnershipFormed;
import org.roundtable.partnerships.api.PartnershipMeetingLogged;
import org.roundtable.partnerships.api.PartnershipOutcome;
import org.roundtable.partnerships.api.PartnershipPurpose;
import org.roundtable.partnerships.api.RecordCheckIn;

class PartnershipTest {

    static final String DARMSTADT = "darmstadt";
    static final String KENT = "kent";
    static final String ID = "5f0e2d9a-1c3b-4a7e-8f60-2b9d4c1e7a32";
    static final String LOCAL = "a1a1a1a1-0000-4000-8000-000000000001";
    static final String IMMIGRANT = "b2b2b2b2-0000-4000-8000-000000000002";
    static final String PROGRAMME = "kranichstein-2026";
    static final LocalDate FORMED = LocalDate.of(2026, 2, 10);
    static final Set<String> RECORDS = Set.of("programme-records");
    static final Map<String, String> AS_DARMSTADT =
            Map.of(MetadataKeys.TENANT_ID, DARMSTADT, MetadataKeys.ACTOR_ID, "coordinator-3");
    static final Map<String, String> AS_KENT = Map.of(MetadataKeys.TENANT_ID, KENT, MetadataKeys.ACTOR_ID, "officer-1");

    FixtureConfiguration<Partnership> fixture;
    FakeParticipantLookup participants;
    FakeProgrammeDirectory programmes;
    FakePairRegistry pairs;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Partnership.class);
        participants = new FakeParticipantLookup()
                .with(DARMSTADT, LOCAL, Set.of("local"), RECORDS)
                .with(DARMSTADT, IMMIGRANT, Set.of("immigrant"), Set.of("programme-records", "photos"));
        programmes = new FakeProgrammeDirectory().with(DARMSTADT, PROGRAMME);
        pairs = new FakePairRegistry();
        fixture.registerInjectableResource(participants);
        fixture.registerInjectableResource(programmes);
        fixture.registerInjectableResource(pairs);
    }

    static FormPartnership form(String first, String second) {
        return new FormPartnership(ID, first, second, Set.of(PartnershipPurpose.LANGUAGE_EXCHANGE,
                PartnershipPurpose.EVERYDAY_SUPPORT), "coordinator-3", PROGRAMME, FORMED);
    }

    static PartnershipFormed formed() {
        return new PartnershipFormed(ID, DARMSTADT, LOCAL, IMMIGRANT, Set.of(PartnershipPurpose.LANGUAGE_EXCHANGE,
                PartnershipPurpose.EVERYDAY_SUPPORT), "coordinator-3", PROGRAMME, FORMED);
    }

    static PartnershipEnded ended() {
        return new PartnershipEnded(ID, PartnershipOutcome.GOAL_REACHED, "language goal reached", FORMED.plusMonths(3));
    }

    @Nested
    @DisplayName("forming")
    class Forming {

        @Test
        void should_form_a_partnership_of_a_local_and_an_immigrant_participant_without_warnings() {
            fixture.givenNoPriorActivity()
                    .when(form(LOCAL, IMMIGRANT), AS_DARMSTADT)
                    .expectEvents(formed())
                    .expectResultMessagePayload(new PartnershipFormation(0L, List.of()));
            assertThat(pairs.active).containsValue(ID);
        }

        @Test
        void should_accept_the_partners_in_either_order() {
            fixture.givenNoPriorActivity()
                    .when(form(IMMIGRANT, LOCAL), AS_DARMSTADT)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new PartnershipFormation(0L, List.of()));
        }

        @Test
        void should_form_but_warn_when_the_partners_are_not_one_local_and_one_immigrant() {
            String secondLocal = "c3c3c3c3-0000-4000-8000-000000000003";
            participants.with(DARMSTADT, secondLocal, Set.of("local"), RECORDS);
            fixture.givenNoPriorActivity()
                    .when(form(LOCAL, secondLocal), AS_DARMSTADT)
                    .expectSuccessfulHandlerExecution()
                    .expectResultMessagePayload(new PartnershipFormation(0L, List.of(Partnership.NOT_LOCAL_AND_IMMIGRANT)));
        }

        @Test
        void should_refuse_a_partner_without_programme_records_consent_in_force() {
            String noConsent = "d4d4d4d4-0000-4000-8000-000000000004";
            participants.with(DARMSTADT, noConsent, Set.of("immigrant"), Set.of("photos"));
            fixture.givenNoPriorActivity()
                    .when(form(LOCAL, noConsent), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            assertThat(pairs.active).isEmpty();
        }

        @Test
        void should_refuse_a_participant_of_another_tenant_as_a_partner() {
            String kentish = "e5e5e5e5-0000-4000-8000-000000000005";
            participants.with(KENT, kentish, Set.of("immigrant"), RECORDS);
            fixture.givenNoPriorActivity()
                    .when(form(LOCAL, kentish), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_an_erased_participant_as_a_partner() {
            String erased = "f6f6f6f6-0000-4000-8000-000000000006";
            participants.withErased(DARMSTADT, erased);
            fixture.givenNoPriorActivity()
                    .when(form(LOCAL, erased), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_participant_as_their_own_partner() {
            fixture.givenNoPriorActivity()
                    .when(form(LOCAL, LOCAL), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_partnership_without_a_purpose() {
            fixture.givenNoPriorActivity()
                    .when(new FormPartnership(ID, LOCAL, IMMIGRANT, Set.of(), "coordinator-3", PROGRAMME, FORMED),
                            AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_programme_the_tenant_does_not_have() {
            programmes.with(KENT, "kent-programme");
            for (String programme : List.of("unknown", "kent-programme")) {
                fixture.givenNoPriorActivity()
                        .when(new FormPartnership(ID, LOCAL, IMMIGRANT, Set.of(PartnershipPurpose.COMMON_HOBBY),
                                "coordinator-3", programme, FORMED), AS_DARMSTADT)
                        .expectNoEvents()
                        .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            }
        }

        @Test
        void should_refuse_a_formation_without_coordinator_or_dated_in_the_future() {
            fixture.givenNoPriorActivity()
                    .when(new FormPartnership(ID, LOCAL, IMMIGRANT, Set.of(PartnershipPurpose.OTHER), " ", PROGRAMME,
                            FORMED), AS_DARMSTADT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.givenNoPriorActivity()
                    .when(new FormPartnership(ID, LOCAL, IMMIGRANT, Set.of(PartnershipPurpose.OTHER), "coordinator-3",
                            PROGRAMME, LocalDate.now(ZoneOffset.UTC).plusDays(5)), AS_DARMSTADT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_pair_that_already_has_an_active_partnership() {
            pairs.claim(DARMSTADT, IMMIGRANT, LOCAL, "an-earlier-partnership");
            fixture.givenNoPriorActivity()
                    .when(form(LOCAL, IMMIGRANT), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_refuse_a_formation_that_carries_no_tenant() {
            fixture.givenNoPriorActivity()
                    .when(form(LOCAL, IMMIGRANT))
                    .expectNoEvents()
                    .expectException(IllegalStateException.class);
        }
    }

    @Nested
    @DisplayName("meetings and check-ins")
    class Meetings {

        @Test
        void should_log_a_meeting_of_an_active_partnership() {
            fixture.given(formed())
                    .when(new LogPartnershipMeeting(ID, "meet-1", FORMED.plusDays(7), " practised German at the library "),
                            AS_DARMSTADT)
                    .expectEvents(new PartnershipMeetingLogged(ID, "meet-1", FORMED.plusDays(7),
                            "practised German at the library"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_refuse_to_log_a_meeting_on_an_ended_partnership() {
            fixture.given(formed(), ended())
                    .when(new LogPartnershipMeeting(ID, "meet-9", FORMED.plusMonths(4), "cooked together"), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_refuse_a_meeting_before_the_partnership_was_formed_in_the_future_or_without_activity() {
            for (LogPartnershipMeeting wrong : List.of(
                    new LogPartnershipMeeting(ID, "meet-1", FORMED.minusDays(1), "cooked together"),
                    new LogPartnershipMeeting(ID, "meet-1", LocalDate.now(ZoneOffset.UTC).plusDays(4), "cooked together"),
                    new LogPartnershipMeeting(ID, "meet-1", FORMED.plusDays(1), "  "),
                    new LogPartnershipMeeting(ID, "meet-1", FORMED.plusDays(1), "x".repeat(1001)))) {
                fixture.given(formed())
                        .when(wrong, AS_DARMSTADT)
                        .expectNoEvents()
                        .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            }
        }

        @Test
        void should_refuse_the_same_meeting_id_twice() {
            fixture.given(formed(), new PartnershipMeetingLogged(ID, "meet-1", FORMED, "excursion"))
                    .when(new LogPartnershipMeeting(ID, "meet-1", FORMED, "excursion"), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_answer_not_found_to_another_tenant() {
            fixture.given(formed())
                    .when(new LogPartnershipMeeting(ID, "meet-1", FORMED, "excursion"), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
            fixture.given(formed())
                    .when(new RecordCheckIn(ID, "chk-1", FORMED, CheckInAssessment.ON_TRACK, null), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
            fixture.given(formed())
                    .when(new EndPartnership(ID, PartnershipOutcome.DISSOLVED, "moved away", FORMED), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }

        @Test
        void should_record_a_coordinators_check_in() {
            fixture.given(formed())
                    .when(new RecordCheckIn(ID, "chk-1", FORMED.plusDays(30), CheckInAssessment.NEEDS_SUPPORT,
                            "meetings became irregular"), AS_DARMSTADT)
                    .expectEvents(new PartnershipCheckedIn(ID, "chk-1", FORMED.plusDays(30),
                            CheckInAssessment.NEEDS_SUPPORT, "meetings became irregular"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_refuse_a_check_in_without_assessment_or_on_an_ended_partnership() {
            fixture.given(formed())
                    .when(new RecordCheckIn(ID, "chk-1", FORMED, null, null), AS_DARMSTADT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(formed(), ended())
                    .when(new RecordCheckIn(ID, "chk-1", FORMED.plusMonths(3), CheckInAssessment.ON_TRACK, null),
                            AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }
    }

    @Nested
    @DisplayName("ending")
    class Ending {

        @Test
        void should_end_with_an_outcome_and_release_the_pair() {
            pairs.claim(DARMSTADT, LOCAL, IMMIGRANT, ID);
            fixture.given(formed())
                    .when(new EndPartnership(ID, PartnershipOutcome.GOAL_REACHED, "language goal reached",
                            FORMED.plusMonths(3)), AS_DARMSTADT)
                    .expectEvents(ended())
                    .expectResultMessagePayload(1L);
            assertThat(pairs.active).isEmpty();
        }

        @Test
        void should_refuse_to_end_twice() {
            fixture.given(formed(), ended())
                    .when(new EndPartnership(ID, PartnershipOutcome.DISSOLVED, "again", FORMED.plusMonths(4)), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_refuse_an_end_without_outcome_or_reason() {
            fixture.given(formed())
                    .when(new EndPartnership(ID, null, "moved away", FORMED), AS_DARMSTADT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(formed())
                    .when(new EndPartnership(ID, PartnershipOutcome.DISSOLVED, "", FORMED), AS_DARMSTADT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_an_end_dated_before_the_formation_or_the_last_meeting() {
            fixture.given(formed())
                    .when(new EndPartnership(ID, PartnershipOutcome.DISSOLVED, "moved away", FORMED.minusDays(1)),
                            AS_DARMSTADT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(formed(), new PartnershipMeetingLogged(ID, "meet-1", FORMED.plusDays(20), "excursion"))
                    .when(new EndPartnership(ID, PartnershipOutcome.DISSOLVED, "moved away", FORMED.plusDays(10)),
                            AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }
    }
}
