package org.roundtable.networks.command;

import static org.roundtable.networks.command.DomainExceptionMatcher.refusedAs;

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
import org.roundtable.networks.api.ActionItemOpened;
import org.roundtable.networks.api.ActionItemProgressed;
import org.roundtable.networks.api.ActionItemStatus;
import org.roundtable.networks.api.AdmitMember;
import org.roundtable.networks.api.AgendaItem;
import org.roundtable.networks.api.AmendMinutes;
import org.roundtable.networks.api.ApproveMinutes;
import org.roundtable.networks.api.Cadence;
import org.roundtable.networks.api.ChangeMemberRole;
import org.roundtable.networks.api.DecisionRecorded;
import org.roundtable.networks.api.FiguresShared;
import org.roundtable.networks.api.FoundNetwork;
import org.roundtable.networks.api.HoldMeeting;
import org.roundtable.networks.api.MeetingHeld;
import org.roundtable.networks.api.MeetingScheduled;
import org.roundtable.networks.api.MemberAdmitted;
import org.roundtable.networks.api.MemberLeft;
import org.roundtable.networks.api.MemberRoleChanged;
import org.roundtable.networks.api.MinutesAmended;
import org.roundtable.networks.api.MinutesApproved;
import org.roundtable.networks.api.MinutesRevised;
import org.roundtable.networks.api.NetworkFounded;
import org.roundtable.networks.api.OpenActionItem;
import org.roundtable.networks.api.ProgressActionItem;
import org.roundtable.networks.api.Quarter;
import org.roundtable.networks.api.QuarterFigures;
import org.roundtable.networks.api.QuarterReviewSigned;
import org.roundtable.networks.api.ReachGroupFigure;
import org.roundtable.networks.api.RecordDecision;
import org.roundtable.networks.api.RemoveMember;
import org.roundtable.networks.api.ReviseMinutes;
import org.roundtable.networks.api.ScheduleMeeting;
import org.roundtable.networks.api.ShareFigures;
import org.roundtable.networks.api.SignQuarterReview;

class NetworkTest {

    static final String NET = "ak-suedosteuropa";
    static final String KREFELD = "krefeld";
    static final String DARMSTADT = "darmstadt";
    static final String POLICE = "0b6f3c1e-5d0a-4c43-9a3e-1f9f8c0e2a01";
    static final String SCHOOLS = "5a2d7e90-3b1c-4f7a-8e6d-2c4b9a1f0d02";
    static final LocalDate FOUNDED = LocalDate.of(2023, 6, 15);
    static final LocalDate SEPTEMBER = LocalDate.of(2023, 9, 14);
    static final LocalDate DECEMBER = LocalDate.of(2023, 12, 7);
    static final Quarter Q3_2023 = new Quarter(2023, 3);

    static Map<String, String> as(String tenant, String role) {
        return Map.of(MetadataKeys.TENANT_ID, tenant, MetadataKeys.ACTOR_ID, tenant + "-" + role,
                MetadataKeys.ACTOR_ROLE, role);
    }

    static final Map<String, String> KREFELD_ADMIN = as(KREFELD, "admin");
    static final Map<String, String> KREFELD_CHAIR = as(KREFELD, "chair");
    static final Map<String, String> KREFELD_STAFF = as(KREFELD, "staff");
    static final Map<String, String> DARMSTADT_ADMIN = as(DARMSTADT, "admin");
    static final Map<String, String> DARMSTADT_STAFF = as(DARMSTADT, "staff");
    static final Map<String, String> DARMSTADT_AUDITOR = as(DARMSTADT, "auditor");
    static final Map<String, String> KENT_ADMIN = as("kent", "admin");

    FixtureConfiguration<Network> fixture;
    FakeProgrammeFigures figures;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Network.class);
        figures = new FakeProgrammeFigures();
        fixture.registerInjectableResource(figures);
        fixture.registerInjectableResource(new FakeKnownTenants());
    }

    static List<Object> founded() {
        return List.of(
                new NetworkFounded(NET, KREFELD, "Arbeitskreis Südosteuropa", FOUNDED, Cadence.QUARTERLY,
                        "Coordinate the city's work with newcomers from south-eastern Europe"),
                new MemberAdmitted(NET, KREFELD, KREFELD, null, "Kommunales Integrationszentrum (chair)", FOUNDED),
                new MemberAdmitted(NET, DARMSTADT, DARMSTADT, null, "Diakonisches Werk district project", FOUNDED),
                new MemberAdmitted(NET, POLICE, null, "Polizeipräsidium Krefeld", "police", FOUNDED));
    }

    static List<Object> with(List<Object> first, Object... more) {
        List<Object> all = new java.util.ArrayList<>(first);
        all.addAll(List.of(more));
        return all;
    }

    static MeetingScheduled september() {
        return new MeetingScheduled(NET, "m1", SEPTEMBER, "Rathaus, Raum 101",
                List.of(new AgendaItem("1", "School attendance", null), new AgendaItem("2", "Housing inspections", null)));
    }

    static MeetingHeld septemberHeld() {
        return new MeetingHeld(NET, "m1", List.of(KREFELD, POLICE), List.of(DARMSTADT), "Draft minutes");
    }

    static ActionItemOpened policeItem() {
        return new ActionItemOpened(NET, "i1", "m1", "Report on housing inspections", POLICE, LocalDate.of(2023, 11, 30));
    }

    static ActionItemOpened darmstadtItem() {
        return new ActionItemOpened(NET, "i2", "m1", "Share the questionnaire in simple language", DARMSTADT,
                LocalDate.of(2023, 10, 31));
    }

    @Nested
    @DisplayName("founding")
    class Founding {

        @Test
        void should_found_a_network_chaired_by_the_callers_tenant_which_becomes_its_first_member() {
            fixture.givenNoPriorActivity()
                    .when(new FoundNetwork(NET, "Arbeitskreis Südosteuropa", FOUNDED, null, "Coordinate", null), KREFELD_ADMIN)
                    .expectEvents(new NetworkFounded(NET, KREFELD, "Arbeitskreis Südosteuropa", FOUNDED, Cadence.QUARTERLY,
                                    "Coordinate"),
                            new MemberAdmitted(NET, KREFELD, KREFELD, null, "chair", FOUNDED))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_not_let_anyone_but_an_admin_found_a_network() {
            fixture.givenNoPriorActivity()
                    .when(new FoundNetwork(NET, "Arbeitskreis", FOUNDED, null, null, null), KREFELD_CHAIR)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_refuse_a_founding_date_in_the_future() {
            fixture.givenNoPriorActivity()
                    .when(new FoundNetwork(NET, "Arbeitskreis", LocalDate.now(ZoneOffset.UTC).plusDays(10), null, null, null),
                            KREFELD_ADMIN)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }
    }

    @Nested
    @DisplayName("members")
    class Members {

        @Test
        void should_let_the_chairs_admin_admit_a_tenant_member_under_its_tenant_id() {
            fixture.given(founded())
                    .when(new AdmitMember(NET, "kent", "kent", null, "guest agency", SEPTEMBER), KREFELD_ADMIN)
                    .expectEvents(new MemberAdmitted(NET, "kent", "kent", null, "guest agency", SEPTEMBER))
                    .expectResultMessagePayload(4L);
        }

        @Test
        void should_admit_an_outside_organisation_with_a_named_role() {
            fixture.given(founded())
                    .when(new AdmitMember(NET, SCHOOLS, null, "Fachbereich Schule", "school department", SEPTEMBER),
                            KREFELD_ADMIN)
                    .expectEvents(new MemberAdmitted(NET, SCHOOLS, null, "Fachbereich Schule", "school department", SEPTEMBER));
        }

        @Test
        void should_refuse_a_tenant_that_does_not_exist_on_this_instance() {
            fixture.given(founded())
                    .when(new AdmitMember(NET, "atlantis", "atlantis", null, "guest", SEPTEMBER), KREFELD_ADMIN)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_an_organisation_whose_member_id_is_not_a_uuid() {
            fixture.given(founded())
                    .when(new AdmitMember(NET, "darmstadt", null, "Fake", "guest", SEPTEMBER), KREFELD_ADMIN)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_not_let_a_chair_who_is_not_an_admin_admit_members() {
            fixture.given(founded())
                    .when(new AdmitMember(NET, SCHOOLS, null, "Fachbereich Schule", "school", SEPTEMBER), KREFELD_CHAIR)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_not_let_a_member_agencys_admin_admit_members() {
            fixture.given(founded())
                    .when(new AdmitMember(NET, SCHOOLS, null, "Fachbereich Schule", "school", SEPTEMBER), DARMSTADT_ADMIN)
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_answer_a_tenant_that_is_not_a_member_as_if_the_network_did_not_exist() {
            fixture.given(founded())
                    .when(new AdmitMember(NET, "kent", "kent", null, "guest", SEPTEMBER), KENT_ADMIN)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }

        @Test
        void should_refuse_admitting_a_current_member_again() {
            fixture.given(founded())
                    .when(new AdmitMember(NET, DARMSTADT, DARMSTADT, null, "again", SEPTEMBER), KREFELD_ADMIN)
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_readmit_a_former_member() {
            fixture.given(with(founded(), new MemberLeft(NET, DARMSTADT, SEPTEMBER, false, null)))
                    .when(new AdmitMember(NET, DARMSTADT, DARMSTADT, null, "back again", DECEMBER), KREFELD_ADMIN)
                    .expectEvents(new MemberAdmitted(NET, DARMSTADT, DARMSTADT, null, "back again", DECEMBER));
        }

        @Test
        void should_let_the_chair_change_a_representative_role_and_ignore_an_unchanged_one() {
            fixture.given(founded())
                    .when(new ChangeMemberRole(NET, POLICE, "police, community liaison"), KREFELD_CHAIR)
                    .expectEvents(new MemberRoleChanged(NET, POLICE, "police, community liaison"));
            fixture.given(founded())
                    .when(new ChangeMemberRole(NET, POLICE, "police"), KREFELD_CHAIR)
                    .expectNoEvents()
                    .expectResultMessagePayload(3L);
        }

        @Test
        void should_let_the_chairs_admin_remove_a_member() {
            fixture.given(founded())
                    .when(new RemoveMember(NET, POLICE, SEPTEMBER, "reorganised"), KREFELD_ADMIN)
                    .expectEvents(new MemberLeft(NET, POLICE, SEPTEMBER, true, "reorganised"));
        }

        @Test
        void should_let_a_member_agencys_admin_take_its_own_agency_out() {
            fixture.given(founded())
                    .when(new RemoveMember(NET, DARMSTADT, SEPTEMBER, null), DARMSTADT_ADMIN)
                    .expectEvents(new MemberLeft(NET, DARMSTADT, SEPTEMBER, false, null));
        }

        @Test
        void should_not_let_a_member_agency_remove_another_member() {
            fixture.given(founded())
                    .when(new RemoveMember(NET, POLICE, SEPTEMBER, null), DARMSTADT_ADMIN)
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_not_let_the_chairs_non_admins_remove_members() {
            fixture.given(founded())
                    .when(new RemoveMember(NET, POLICE, SEPTEMBER, null), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_not_let_the_chair_leave_its_own_network() {
            fixture.given(founded())
                    .when(new RemoveMember(NET, KREFELD, SEPTEMBER, null), KREFELD_ADMIN)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_not_let_a_former_member_act_any_more() {
            fixture.given(with(founded(), september(), septemberHeld(), darmstadtItem(),
                            new MemberLeft(NET, DARMSTADT, DECEMBER, false, null)))
                    .when(new ProgressActionItem(NET, "i2", ActionItemStatus.DONE, "sent"), DARMSTADT_STAFF)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }
    }

    @Nested
    @DisplayName("meetings")
    class Meetings {

        @Test
        void should_schedule_a_meeting_and_carry_open_action_items_of_earlier_meetings_onto_its_agenda() {
            fixture.given(with(founded(), september(), septemberHeld(), policeItem(), darmstadtItem(),
                            new ActionItemProgressed(NET, "i2", ActionItemStatus.DONE, "sent out")))
                    .when(new ScheduleMeeting(NET, "m2", DECEMBER, "Rathaus", List.of("Winter shelter")), KREFELD_CHAIR)
                    .expectEvents(new MeetingScheduled(NET, "m2", DECEMBER, "Rathaus", List.of(
                            new AgendaItem("1", "Winter shelter", null),
                            new AgendaItem("2", "Report on housing inspections", "i1"))));
        }

        @Test
        void should_not_let_the_chair_tenants_staff_schedule_meetings() {
            fixture.given(founded())
                    .when(new ScheduleMeeting(NET, "m1", SEPTEMBER, "Rathaus", List.of()), KREFELD_STAFF)
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_refuse_scheduling_the_same_meeting_twice() {
            fixture.given(with(founded(), september()))
                    .when(new ScheduleMeeting(NET, "m1", SEPTEMBER, "Rathaus", List.of()), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_hold_a_meeting_recording_every_member_as_present_or_absent() {
            fixture.given(with(founded(), september()))
                    .when(new HoldMeeting(NET, "m1", Set.of(KREFELD, POLICE), "Draft minutes"), KREFELD_CHAIR)
                    .expectEvents(septemberHeld());
        }

        @Test
        void should_refuse_attendance_naming_someone_who_is_not_a_member() {
            fixture.given(with(founded(), september()))
                    .when(new HoldMeeting(NET, "m1", Set.of(KREFELD, "kent"), null), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_holding_a_meeting_before_its_date() {
            LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(30);
            fixture.given(with(founded(), new MeetingScheduled(NET, "m9", later, "Rathaus", List.of())))
                    .when(new HoldMeeting(NET, "m9", Set.of(KREFELD), null), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_record_a_decision_settling_an_agenda_item_of_a_held_meeting() {
            fixture.given(with(founded(), september(), septemberHeld()))
                    .when(new RecordDecision(NET, "m1", "d1", "1", "Mediators visit the three schools monthly"), KREFELD_CHAIR)
                    .expectEvents(new DecisionRecorded(NET, "m1", "d1", "1", "Mediators visit the three schools monthly"));
        }

        @Test
        void should_refuse_a_decision_on_a_meeting_not_held() {
            fixture.given(with(founded(), september()))
                    .when(new RecordDecision(NET, "m1", "d1", "1", "Anything"), KREFELD_CHAIR)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_decision_that_settles_no_item_of_the_agenda() {
            fixture.given(with(founded(), september(), septemberHeld()))
                    .when(new RecordDecision(NET, "m1", "d1", "7", "Anything"), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_revise_draft_minutes_and_approve_them() {
            fixture.given(with(founded(), september(), septemberHeld()))
                    .when(new ReviseMinutes(NET, "m1", "Final minutes"), KREFELD_CHAIR)
                    .expectEvents(new MinutesRevised(NET, "m1", "Final minutes"));
            fixture.given(with(founded(), september(), septemberHeld()))
                    .when(new ApproveMinutes(NET, "m1"), KREFELD_CHAIR)
                    .expectEvents(new MinutesApproved(NET, "m1"));
        }

        @Test
        void should_refuse_approving_a_meeting_without_minutes() {
            fixture.given(with(founded(), september(), new MeetingHeld(NET, "m1", List.of(KREFELD), List.of(), null)))
                    .when(new ApproveMinutes(NET, "m1"), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_never_change_approved_minutes() {
            fixture.given(with(founded(), september(), septemberHeld(), new MinutesApproved(NET, "m1")))
                    .when(new ReviseMinutes(NET, "m1", "Rewritten"), KREFELD_CHAIR)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_close_the_record_of_a_meeting_with_approved_minutes_to_decisions_and_action_items() {
            fixture.given(with(founded(), september(), septemberHeld(), new MinutesApproved(NET, "m1")))
                    .when(new RecordDecision(NET, "m1", "d1", "1", "Late decision"), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.CONFLICT));
            fixture.given(with(founded(), september(), septemberHeld(), new MinutesApproved(NET, "m1")))
                    .when(new OpenActionItem(NET, "m1", "i9", "Late item", POLICE, DECEMBER), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_add_an_amendment_beside_approved_minutes() {
            fixture.given(with(founded(), september(), septemberHeld(), new MinutesApproved(NET, "m1")))
                    .when(new AmendMinutes(NET, "m1", "a1", "Item 2: the police, not the city, reported"), KREFELD_CHAIR)
                    .expectEvents(new MinutesAmended(NET, "m1", "a1", "Item 2: the police, not the city, reported"));
        }

        @Test
        void should_refuse_an_amendment_to_minutes_not_yet_approved() {
            fixture.given(with(founded(), september(), septemberHeld()))
                    .when(new AmendMinutes(NET, "m1", "a1", "Correction"), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_not_let_a_member_agency_record_decisions() {
            fixture.given(with(founded(), september(), septemberHeld()))
                    .when(new RecordDecision(NET, "m1", "d1", "1", "Anything"), DARMSTADT_ADMIN)
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }
    }

    @Nested
    @DisplayName("action items")
    class ActionItems {

        @Test
        void should_open_an_action_item_owned_by_a_member_at_a_held_meeting() {
            fixture.given(with(founded(), september(), septemberHeld()))
                    .when(new OpenActionItem(NET, "m1", "i1", "Report on housing inspections", POLICE,
                            LocalDate.of(2023, 11, 30)), KREFELD_CHAIR)
                    .expectEvents(policeItem());
        }

        @Test
        void should_refuse_an_action_item_on_a_meeting_not_held() {
            fixture.given(with(founded(), september()))
                    .when(new OpenActionItem(NET, "m1", "i1", "Report", POLICE, DECEMBER), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_an_owner_who_is_not_a_current_member() {
            fixture.given(with(founded(), september(), septemberHeld()))
                    .when(new OpenActionItem(NET, "m1", "i1", "Report", "kent", DECEMBER), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_let_the_owners_staff_progress_its_item() {
            fixture.given(with(founded(), september(), septemberHeld(), darmstadtItem()))
                    .when(new ProgressActionItem(NET, "i2", ActionItemStatus.IN_PROGRESS, "translation ordered"),
                            DARMSTADT_STAFF)
                    .expectEvents(new ActionItemProgressed(NET, "i2", ActionItemStatus.IN_PROGRESS, "translation ordered"));
        }

        @Test
        void should_let_the_chair_progress_any_item() {
            fixture.given(with(founded(), september(), septemberHeld(), policeItem()))
                    .when(new ProgressActionItem(NET, "i1", ActionItemStatus.DONE, "reported at the December meeting"),
                            KREFELD_CHAIR)
                    .expectEvents(new ActionItemProgressed(NET, "i1", ActionItemStatus.DONE, "reported at the December meeting"));
        }

        @Test
        void should_not_let_a_member_that_does_not_own_the_item_progress_it() {
            fixture.given(with(founded(), september(), septemberHeld(), policeItem()))
                    .when(new ProgressActionItem(NET, "i1", ActionItemStatus.DONE, null), DARMSTADT_ADMIN)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_not_let_the_owners_auditor_progress_its_item() {
            fixture.given(with(founded(), september(), septemberHeld(), darmstadtItem()))
                    .when(new ProgressActionItem(NET, "i2", ActionItemStatus.DONE, null), DARMSTADT_AUDITOR)
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_not_let_a_non_member_progress_an_item() {
            fixture.given(with(founded(), september(), septemberHeld(), darmstadtItem()))
                    .when(new ProgressActionItem(NET, "i2", ActionItemStatus.DONE, null), KENT_ADMIN)
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }

        @Test
        void should_refuse_a_progress_that_changes_nothing() {
            fixture.given(with(founded(), september(), septemberHeld(), darmstadtItem()))
                    .when(new ProgressActionItem(NET, "i2", ActionItemStatus.OPEN, " "), DARMSTADT_STAFF)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }
    }

    @Nested
    @DisplayName("figures and reviews")
    class FiguresAndReviews {

        final QuarterFigures darmstadtQ3 = new QuarterFigures(57, false, 24, 2,
                List.of(new ReachGroupFigure("local", 31, false), new ReachGroupFigure("immigrant", 26, false),
                        new ReachGroupFigure("roma", null, true)), 1_204L);

        @Test
        void should_record_a_member_agencys_figures_with_the_ledger_position_they_were_computed_at() {
            figures.with(DARMSTADT, "kranichstein", Q3_2023.firstDay(), Q3_2023.lastDay(), darmstadtQ3);
            fixture.given(founded())
                    .when(new ShareFigures(NET, Q3_2023, "kranichstein"), DARMSTADT_ADMIN)
                    .expectEvents(new FiguresShared(NET, DARMSTADT, Q3_2023, "kranichstein", darmstadtQ3));
        }

        @Test
        void should_not_let_staff_share_their_agencys_figures() {
            figures.with(DARMSTADT, "kranichstein", Q3_2023.firstDay(), Q3_2023.lastDay(), darmstadtQ3);
            fixture.given(founded())
                    .when(new ShareFigures(NET, Q3_2023, "kranichstein"), DARMSTADT_STAFF)
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_answer_404_for_a_programme_the_agency_does_not_have() {
            fixture.given(founded())
                    .when(new ShareFigures(NET, Q3_2023, "someone-elses"), DARMSTADT_ADMIN)
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }

        @Test
        void should_refuse_figures_for_a_quarter_that_has_not_begun() {
            Quarter next = Quarter.of(LocalDate.now(ZoneOffset.UTC).plusMonths(4));
            fixture.given(founded())
                    .when(new ShareFigures(NET, next, "kranichstein"), DARMSTADT_ADMIN)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_let_the_chair_sign_off_a_quarter_once() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            fixture.given(founded())
                    .when(new SignQuarterReview(NET, Q3_2023, "Good start"), KREFELD_CHAIR)
                    .expectEvents(new QuarterReviewSigned(NET, Q3_2023, "Good start", today));
            fixture.given(with(founded(), new QuarterReviewSigned(NET, Q3_2023, "Good start", today)))
                    .when(new SignQuarterReview(NET, Q3_2023, "Again"), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_not_let_a_member_agency_sign_off_a_quarter() {
            fixture.given(founded())
                    .when(new SignQuarterReview(NET, Q3_2023, "Not ours"), DARMSTADT_ADMIN)
                    .expectException(refusedAs(ProblemType.FORBIDDEN));
        }

        @Test
        void should_refuse_reviewing_a_quarter_before_the_network_existed() {
            fixture.given(founded())
                    .when(new SignQuarterReview(NET, new Quarter(2023, 1), "Too early"), KREFELD_CHAIR)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }
    }
}
