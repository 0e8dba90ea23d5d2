package org.roundtable.participants.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roundtable.participants.command.DomainExceptionMatcher.refusedAs;

import java.lang.reflect.Field;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.participants.api.ConsentGiven;
import org.roundtable.participants.api.ConsentGrant;
import org.roundtable.participants.api.ConsentWithdrawn;
import org.roundtable.participants.api.CorrectParticipant;
import org.roundtable.participants.api.EraseParticipant;
import org.roundtable.participants.api.GiveConsent;
import org.roundtable.participants.api.ParticipantCorrected;
import org.roundtable.participants.api.ParticipantErased;
import org.roundtable.participants.api.ParticipantRegistered;
import org.roundtable.participants.api.ReachGroupsDropped;
import org.roundtable.participants.api.RegisterParticipant;
import org.roundtable.participants.api.WithdrawConsent;

class ParticipantTest {

    static final String KENT = "kent";
    static final String DARMSTADT = "darmstadt";
    static final String ID = "7b0c5a8e-9a43-4a0e-9d5e-0d2f7c1f2a10";
    static final String GUARDIAN = "2f1e8a42-7c1b-4e54-8e0c-51b1d5c3a0f1";
    static final LocalDate BORN = LocalDate.of(2021, 3, 14);
    static final Map<String, String> AS_KENT = Map.of(MetadataKeys.TENANT_ID, KENT, MetadataKeys.ACTOR_ID, "officer-1");
    static final Map<String, String> AS_DARMSTADT = Map.of(MetadataKeys.TENANT_ID, DARMSTADT, MetadataKeys.ACTOR_ID, "staff-9");

    FixtureConfiguration<Participant> fixture;
    FakeReferenceChecks checks;
    RecordingSubjectEraser eraser;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Participant.class);
        checks = new FakeReferenceChecks()
                .withReachGroup(KENT, "roma-community")
                .withReachGroup(KENT, "wider-community")
                .withActiveParticipant(KENT, GUARDIAN);
        eraser = new RecordingSubjectEraser();
        fixture.registerInjectableResource(checks);
        fixture.registerInjectableResource(eraser);
    }

    static RegisterParticipant child(Set<String> reachGroups, List<ConsentGrant> consents) {
        return new RegisterParticipant(ID, "Ana Lakatos", BORN, null, "female", "SK", List.of("rom", "sk", "en"),
                "Folkestone", GUARDIAN, reachGroups, consents);
    }

    static ParticipantRegistered registeredChild() {
        return new ParticipantRegistered(ID, KENT, "Ana Lakatos", BORN, 2021, "female", "SK",
                List.of("rom", "sk", "en"), "Folkestone", GUARDIAN, Set.of("roma-community"));
    }

    static ParticipantRegistered registeredAdult() {
        return new ParticipantRegistered(ID, KENT, "Jan Horvath", null, 1988, null, "CZ", List.of("cs"), "Dover",
                null, Set.of());
    }

    static CorrectParticipant correction(Long expectedVersion, String town, Set<String> reachGroups, Set<String> cleared) {
        return new CorrectParticipant(ID, expectedVersion, null, null, null, null, null, null, town, null,
                reachGroups, cleared, "typo at registration");
    }

    @Nested
    @DisplayName("registering")
    class Registering {

        @Test
        void should_register_a_child_with_consents_given_by_the_guardian_and_answer_the_new_version() {
            fixture.givenNoPriorActivity()
                    .when(child(Set.of("roma-community"), List.of(
                            new ConsentGrant("programme-records", "guardian"),
                            new ConsentGrant("special-category", "guardian"))), AS_KENT)
                    .expectEvents(registeredChild(),
                            new ConsentGiven(ID, "programme-records", "guardian"),
                            new ConsentGiven(ID, "special-category", "guardian"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void should_record_the_tenant_from_metadata_and_derive_the_birth_year_from_a_birth_year_alone() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Jan Horvath", null, 1988, null, "CZ", List.of("cs"), "Dover",
                            null, null, null), AS_KENT)
                    .expectEvents(registeredAdult())
                    .expectResultMessagePayload(0L);
        }

        @Test
        void should_keep_no_personal_data_in_the_aggregate_state() {
            fixture.givenNoPriorActivity()
                    .when(child(Set.of("roma-community"), List.of(new ConsentGrant("special-category", "guardian"))), AS_KENT)
                    .expectSuccessfulHandlerExecution()
                    .expectState(participant -> assertThat(fieldValues(participant))
                            .noneMatch(value -> value.contains("Ana") || value.contains("2021-03-14")
                                    || value.contains("female")));
        }

        @Test
        void should_refuse_reach_groups_without_special_category_consent() {
            fixture.givenNoPriorActivity()
                    .when(child(Set.of("roma-community"), List.of(new ConsentGrant("programme-records", "guardian"))), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_reach_group_the_tenant_has_not_defined() {
            fixture.givenNoPriorActivity()
                    .when(child(Set.of("local"), List.of(new ConsentGrant("special-category", "guardian"))), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_reach_group_defined_only_by_another_tenant() {
            checks.withReachGroup(DARMSTADT, "local");
            fixture.givenNoPriorActivity()
                    .when(child(Set.of("local"), List.of(new ConsentGrant("special-category", "guardian"))), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_consent_given_by_a_guardian_for_a_participant_without_one() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Jan Horvath", null, 1988, null, null, null, null, null, null,
                            List.of(new ConsentGrant("programme-records", "guardian"))), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_guardian_who_is_not_an_active_participant_of_the_same_tenant() {
            fixture.givenNoPriorActivity()
                    .when(child(Set.of(), List.of()), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_participant_as_their_own_guardian() {
            checks.withActiveParticipant(KENT, ID);
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Ana Lakatos", BORN, null, null, null, null, null, ID, null, null),
                            AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_registration_without_birth_date_or_year() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Jan Horvath", null, null, null, null, null, null, null, null, null),
                            AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_birth_year_that_contradicts_the_birth_date() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Ana Lakatos", BORN, 2020, null, null, null, null, null, null, null),
                            AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_country_that_is_not_iso_3166() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Jan Horvath", null, 1988, null, "XX", null, null, null, null, null),
                            AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_language_that_is_not_iso_639() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Jan Horvath", null, 1988, null, null, List.of("qq"), null, null,
                            null, null), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_the_same_consent_purpose_twice() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Jan Horvath", null, 1988, null, null, null, null, null, null,
                            List.of(new ConsentGrant("photos", "self"), new ConsentGrant("photos", "self"))), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_consent_purpose_of_the_wrong_shape() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Jan Horvath", null, 1988, null, null, null, null, null, null,
                            List.of(new ConsentGrant("Photos!", "self"))), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_command_that_carries_no_tenant() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterParticipant(ID, "Jan Horvath", null, 1988, null, null, null, null, null, null, null))
                    .expectNoEvents()
                    .expectException(IllegalStateException.class);
        }
    }

    @Nested
    @DisplayName("correcting")
    class Correcting {

        @Test
        void should_record_only_the_changed_fields_and_the_removed_ones() {
            fixture.given(registeredAdult())
                    .when(correction(0L, "Margate", null, Set.of("countryOfOrigin")), AS_KENT)
                    .expectEvents(new ParticipantCorrected(ID, null, null, null, null, null, null, "Margate", null,
                            null, Set.of("countryOfOrigin"), "typo at registration"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_replace_a_birth_date_when_only_a_year_is_corrected() {
            fixture.given(registeredChild())
                    .when(new CorrectParticipant(ID, 0L, null, null, 2020, null, null, null, null, null, null, null,
                            null), AS_KENT)
                    .expectEvents(new ParticipantCorrected(ID, null, null, 2020, null, null, null, null, null, null,
                            Set.of("birthDate"), null));
        }

        @Test
        void should_refuse_a_stale_version() {
            fixture.given(registeredAdult(), new ConsentGiven(ID, "photos", "self"))
                    .when(correction(0L, "Margate", null, Set.of()), AS_KENT)
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void should_answer_not_found_to_another_tenant() {
            fixture.given(registeredAdult())
                    .when(correction(0L, "Darmstadt", null, Set.of()), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }

        @Test
        void should_refuse_to_correct_an_erased_participant() {
            fixture.given(registeredAdult(), new ParticipantErased(ID, null))
                    .when(correction(1L, "Margate", null, Set.of()), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_refuse_reach_groups_while_no_special_category_consent_is_in_force() {
            fixture.given(registeredAdult(), new ConsentGiven(ID, "programme-records", "self"))
                    .when(correction(1L, null, Set.of("roma-community"), Set.of()), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_accept_reach_groups_once_special_category_consent_is_in_force() {
            fixture.given(registeredAdult(), new ConsentGiven(ID, "special-category", "self"))
                    .when(correction(1L, null, Set.of("wider-community"), Set.of()), AS_KENT)
                    .expectEvents(new ParticipantCorrected(ID, null, null, null, null, null, null, null, null,
                            Set.of("wider-community"), Set.of(), "typo at registration"));
        }

        @Test
        void should_refuse_to_remove_the_name() {
            fixture.given(registeredAdult())
                    .when(correction(0L, null, null, Set.of("fullName")), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_to_remove_the_guardian_while_their_consent_is_in_force() {
            fixture.given(registeredChild(), new ConsentGiven(ID, "special-category", "guardian"))
                    .when(correction(1L, null, null, Set.of("guardianId")), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_a_guardian_who_has_been_erased_or_does_not_exist() {
            fixture.given(registeredAdult())
                    .when(new CorrectParticipant(ID, 0L, null, null, null, null, null, null, null,
                            "00000000-0000-0000-0000-000000000000", null, null, null), AS_KENT)
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_record_nothing_for_an_empty_correction() {
            fixture.given(registeredAdult())
                    .when(new CorrectParticipant(ID, 0L, null, null, null, null, null, null, null, null, null, null,
                            null), AS_KENT)
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }
    }

    @Nested
    @DisplayName("consent")
    class Consent {

        @Test
        void should_record_a_consent_given_by_the_participant() {
            fixture.given(registeredAdult())
                    .when(new GiveConsent(ID, "share-figures-with-network", "self"), AS_KENT)
                    .expectEvents(new ConsentGiven(ID, "share-figures-with-network", "self"))
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_accept_a_purpose_the_tenant_defined() {
            fixture.given(registeredAdult())
                    .when(new GiveConsent(ID, "newsletter-2026", "self"), AS_KENT)
                    .expectEvents(new ConsentGiven(ID, "newsletter-2026", "self"));
        }

        @Test
        void should_record_nothing_when_the_same_consent_is_already_in_force() {
            fixture.given(registeredAdult(), new ConsentGiven(ID, "photos", "self"))
                    .when(new GiveConsent(ID, "photos", "self"), AS_KENT)
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
        }

        @Test
        void should_record_consent_given_again_by_the_participant_instead_of_the_guardian() {
            fixture.given(registeredChild(), new ConsentGiven(ID, "photos", "guardian"))
                    .when(new GiveConsent(ID, "photos", "self"), AS_KENT)
                    .expectEvents(new ConsentGiven(ID, "photos", "self"));
        }

        @Test
        void should_refuse_guardian_consent_for_a_participant_without_guardian() {
            fixture.given(registeredAdult())
                    .when(new GiveConsent(ID, "photos", "guardian"), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_answer_not_found_to_another_tenant_giving_consent() {
            fixture.given(registeredAdult())
                    .when(new GiveConsent(ID, "photos", "self"), AS_DARMSTADT)
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }

        @Test
        void should_drop_the_reach_groups_when_special_category_consent_is_withdrawn() {
            fixture.given(registeredChild(), new ConsentGiven(ID, "special-category", "guardian"))
                    .when(new WithdrawConsent(ID, "special-category"), AS_KENT)
                    .expectEvents(new ConsentWithdrawn(ID, "special-category"),
                            new ReachGroupsDropped(ID, Set.of("roma-community"), "special-category"))
                    .expectResultMessagePayload(3L);
        }

        @Test
        void should_withdraw_another_consent_without_touching_the_reach_groups() {
            fixture.given(registeredChild(), new ConsentGiven(ID, "special-category", "guardian"),
                            new ConsentGiven(ID, "photos", "guardian"))
                    .when(new WithdrawConsent(ID, "photos"), AS_KENT)
                    .expectEvents(new ConsentWithdrawn(ID, "photos"));
        }

        @Test
        void should_refuse_to_withdraw_a_consent_that_is_not_in_force() {
            fixture.given(registeredAdult(), new ConsentGiven(ID, "photos", "self"), new ConsentWithdrawn(ID, "photos"))
                    .when(new WithdrawConsent(ID, "photos"), AS_KENT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        }

        @Test
        void should_refuse_consent_changes_for_an_erased_participant() {
            fixture.given(registeredAdult(), new ConsentGiven(ID, "photos", "self"), new ParticipantErased(ID, null))
                    .when(new WithdrawConsent(ID, "photos"), AS_KENT)
                    .expectException(refusedAs(ProblemType.CONFLICT));
        }

        @Test
        void should_answer_not_found_to_another_tenant_withdrawing_consent() {
            fixture.given(registeredAdult(), new ConsentGiven(ID, "photos", "self"))
                    .when(new WithdrawConsent(ID, "photos"), AS_DARMSTADT)
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
        }
    }

    @Nested
    @DisplayName("erasing")
    class Erasing {

        @Test
        void should_record_the_erasure_and_destroy_the_key_after_commit() {
            fixture.given(registeredAdult())
                    .when(new EraseParticipant(ID, "request by letter"), AS_KENT)
                    .expectEvents(new ParticipantErased(ID, "request by letter"))
                    .expectResultMessagePayload(1L);
            assertThat(eraser.erased).containsExactly(ID);
        }

        @Test
        void should_treat_a_second_erasure_as_done_and_destroy_the_key_again() {
            fixture.given(registeredAdult(), new ParticipantErased(ID, null))
                    .when(new EraseParticipant(ID, null), AS_KENT)
                    .expectNoEvents()
                    .expectResultMessagePayload(1L);
            assertThat(eraser.erased).containsExactly(ID);
        }

        @Test
        void should_answer_not_found_to_another_tenant_and_destroy_nothing() {
            fixture.given(registeredAdult())
                    .when(new EraseParticipant(ID, null), AS_DARMSTADT)
                    .expectNoEvents()
                    .expectException(refusedAs(ProblemType.NOT_FOUND));
            assertThat(eraser.erased).isEmpty();
        }

        @Test
        void should_not_accept_an_erased_participant_as_guardian() {
            fixture.given(registeredAdult(), new ParticipantErased(ID, null))
                    .when(new EraseParticipant(ID, null), AS_KENT)
                    .expectState(participant -> assertThat(participant.isActiveIn(KENT)).isFalse());
        }
    }

    private static List<String> fieldValues(Participant participant) {
        List<String> values = new ArrayList<>();
        for (Field field : Participant.class.getDeclaredFields()) {
            if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            field.setAccessible(true);
            try {
                values.add(String.valueOf(field.get(participant)));
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
        return values;
    }

}
