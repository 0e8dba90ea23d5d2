package org.roundtable.partnerships.command;

import static org.roundtable.partnerships.command.DomainExceptionMatcher.refusedAs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.partnerships.api.ArchiveOrganisation;
import org.roundtable.partnerships.api.AssociationMilestoneReached;
import org.roundtable.partnerships.api.AssociationSupportRecorded;
import org.roundtable.partnerships.api.Milestone;
import org.roundtable.partnerships.api.OrganisationArchived;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.OrganisationRegistered;
import org.roundtable.partnerships.api.OrganisationUpdated;
import org.roundtable.partnerships.api.RecordAssociationSupport;
import org.roundtable.partnerships.api.RecordMilestone;
import org.roundtable.partnerships.api.RegisterOrganisation;
import org.roundtable.partnerships.api.SupportKind;
import org.roundtable.partnerships.api.UpdateOrganisation;

class OrganisationTest {

    static final String KREFELD = "krefeld";
    static final String ID = "0b6f3c1e-5d7a-4c11-9a34-6e2f1b0c9d01";
    static final LocalDate MARCH = LocalDate.of(2026, 3, 2);
    static final Map<String, String> AS_KREFELD = Map.of(MetadataKeys.TENANT_ID, KREFELD, MetadataKeys.ACTOR_ID, "admin-1");
    static final Map<String, String> AS_KENT = Map.of(MetadataKeys.TENANT_ID, "kent", MetadataKeys.ACTOR_ID, "admin-7");

    FixtureConfiguration<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
    }

    static OrganisationRegistered verein() {
        return new OrganisationRegistered(ID, KREFELD, "Roma Kulturverein Krefeld", OrganisationKind.MIGRANT_ASSOCIATION,
                "Krefeld", "chairperson");
    }

    static OrganisationRegistered school() {
        return new OrganisationRegistered(ID, KREFELD, "Grundschule am Park", OrganisationKind.PRIMARY_SCHOOL,
                "Krefeld", "head teacher");
    }

    static RecordAssociationSupport funding(String supportId, String amount, String currency) {
        return new RecordAssociationSupport(ID, supportId, SupportKind.FUNDING, MARCH,
                amount == null ? null : new BigDecimal(amount), currency, "grant for the International Roma Day");
    }

    @Nested
    @DisplayName("the registry")
    class Registry {

        @Test
        void should_register_an_organisation_for_the_callers_tenant_with_a_role_as_contact() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ID, "  Grundschule am Park ", OrganisationKind.PRIMARY_SCHOOL,
                            "Krefeld", "head teacher"), AS_KREFELD)
                    .expectEvents(school())
                    .expectResultMessagePayload(0L);
        }

        @Test
        void should_refuse_an_organisation_without_a_name_or_kind() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ID, " ", OrganisationKind.POLICE, null, null), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ID, "Polizei Krefeld", null, null, null), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_registration_that_carries_no_tenant() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterOrganisation(ID, "Polizei Krefeld", OrganisationKind.POLICE, null, null))
                    .expectNoEvents()
                    .expectException(IllegalStateException.class);
        }

        @Test
        void should_update_the_details_and_answer_the_new_version() {
            fixture.given(school())
                    .when(new UpdateOrganisation(ID, 0L, "Grundschule am Park", OrganisationKind.PRIMARY_SCHOOL,
                            "Krefeld-Süd", "school mediator"), AS_KREFELD)
                    .expectEvents(new OrganisationUpdated(ID, "Grundschule am Park", OrganisationKind.PRIMARY_SCHOOL,
                            "Krefeld-Süd", "school mediator"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_record_nothing_for_an_update_that_changes_nothing() {
            fixture.given(school())
                    .when(new UpdateOrganisation(ID, 0L, "Grundschule am Park", OrganisationKind.PRIMARY_SCHOOL,
                            "Krefeld", "head teacher"), AS_KREFELD)
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void should_refuse_an_update_from_a_stale_version() {
            fixture.given(school(), new OrganisationUpdated(ID, "GS am Park", OrganisationKind.PRIMARY_SCHOOL, null, null))
                    .when(new UpdateOrganisation(ID, 0L, "Grundschule am Park", OrganisationKind.PRIMARY_SCHOOL,
                            "Krefeld", null), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void should_answer_not_found_to_another_tenant_for_every_command() {
            fixture.given(verein())
                    .when(new UpdateOrganisation(ID, 0L, "Renamed", OrganisationKind.CHARITY, null, null), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
            fixture.given(verein())
                    .when(new ArchiveOrganisation(ID, null), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
            fixture.given(verein())
                    .when(funding("s-1", "500", "EUR"), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
            fixture.given(verein())
                    .when(new RecordMilestone(ID, "m-1", Milestone.BOARD_TRAINED, MARCH, "training certificate"), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }

        @Test
        void should_archive_once_and_treat_a_second_archive_as_done() {
            fixture.given(school())
                    .when(new ArchiveOrganisation(ID, "school merged"), AS_KREFELD)
                    .expectEvents(new OrganisationArchived(ID, "school merged"))
                    .expectResultMessagePayload(1L);
            fixture.given(school(), new OrganisationArchived(ID, "school merged"))
                    .when(new ArchiveOrganisation(ID, null), AS_KREFELD)
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_refuse_to_update_an_archived_organisation() {
            fixture.given(school(), new OrganisationArchived(ID, null))
                    .when(new UpdateOrganisation(ID, 1L, "Grundschule am Park", OrganisationKind.PRIMARY_SCHOOL,
                            "Krefeld", "head"), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }
    }

    @Nested
    @DisplayName("associations")
    class Associations {

        @Test
        void should_record_funding_with_its_amount_to_the_cent_and_currency() {
            fixture.given(verein())
                    .when(funding("s-1", "1500", "EUR"), AS_KREFELD)
                    .expectEvents(new AssociationSupportRecorded(ID, "s-1", SupportKind.FUNDING, MARCH,
                            new BigDecimal("1500.00"), "EUR", "grant for the International Roma Day"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_record_a_workshop_attended_without_an_amount() {
            fixture.given(verein())
                    .when(new RecordAssociationSupport(ID, "s-2", SupportKind.WORKSHOP, MARCH, null, null,
                            "club development workshop"), AS_KREFELD)
                    .expectEvents(new AssociationSupportRecorded(ID, "s-2", SupportKind.WORKSHOP, MARCH, null, null,
                            "club development workshop"));
        }

        @Test
        void should_refuse_funding_without_a_positive_amount_a_known_currency_or_with_fractions_of_a_cent() {
            for (RecordAssociationSupport wrong : new RecordAssociationSupport[] {
                    funding("s-1", null, "EUR"), funding("s-1", "0", "EUR"), funding("s-1", "-5", "EUR"),
                    funding("s-1", "100", null), funding("s-1", "100", "XYZ"), funding("s-1", "10.005", "EUR"),
                    funding("s-1", "20000000", "EUR")}) {
                fixture.given(verein())
                        .when(wrong, AS_KREFELD)
                        .expectNoEvents()
                        .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            }
        }

        @Test
        void should_refuse_an_amount_on_support_that_is_not_funding() {
            fixture.given(verein())
                    .when(new RecordAssociationSupport(ID, "s-3", SupportKind.ADVICE, MARCH, BigDecimal.TEN, "EUR",
                            "advice on statutes"), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_support_dated_in_the_future_or_without_a_note() {
            fixture.given(verein())
                    .when(new RecordAssociationSupport(ID, "s-4", SupportKind.ADVICE,
                            LocalDate.now(ZoneOffset.UTC).plusDays(3), null, null, "advice"), AS_KREFELD)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(verein())
                    .when(new RecordAssociationSupport(ID, "s-4", SupportKind.ADVICE, MARCH, null, null, " "), AS_KREFELD)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_support_and_milestones_for_an_organisation_that_is_not_an_association() {
            fixture.given(school())
                    .when(funding("s-1", "100", "EUR"), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
            fixture.given(school())
                    .when(new RecordMilestone(ID, "m-1", Milestone.STATUTES_ADOPTED, MARCH, "minutes"), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_support_for_an_archived_association() {
            fixture.given(verein(), new OrganisationArchived(ID, "dissolved"))
                    .when(funding("s-1", "100", "EUR"), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_refuse_the_same_support_id_twice() {
            fixture.given(verein(), new AssociationSupportRecorded(ID, "s-1", SupportKind.ADVICE, MARCH, null, null, "advice"))
                    .when(funding("s-1", "100", "EUR"), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_record_a_milestone_with_its_date_and_evidence() {
            fixture.given(verein())
                    .when(new RecordMilestone(ID, "m-1", Milestone.STATUTES_ADOPTED, MARCH,
                            " statutes registered at the district court "), AS_KREFELD)
                    .expectEvents(new AssociationMilestoneReached(ID, "m-1", Milestone.STATUTES_ADOPTED, MARCH,
                            "statutes registered at the district court"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_refuse_a_named_milestone_reached_a_second_time_but_accept_other_milestones_again() {
            fixture.given(verein(), new AssociationMilestoneReached(ID, "m-1", Milestone.BOARD_TRAINED, MARCH, "certificate"))
                    .when(new RecordMilestone(ID, "m-2", Milestone.BOARD_TRAINED, MARCH, "again"), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
            fixture.given(verein(), new AssociationMilestoneReached(ID, "m-1", Milestone.OTHER, MARCH, "own website"))
                    .when(new RecordMilestone(ID, "m-2", Milestone.OTHER, MARCH, "own newsletter"), AS_KREFELD)
                    .expectEvents(new AssociationMilestoneReached(ID, "m-2", Milestone.OTHER, MARCH, "own newsletter"));
        }

        @Test
        void should_refuse_a_milestone_without_evidence() {
            fixture.given(verein())
                    .when(new RecordMilestone(ID, "m-1", Milestone.FIRST_OWN_EVENT, MARCH, null), AS_KREFELD)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }
    }
}
