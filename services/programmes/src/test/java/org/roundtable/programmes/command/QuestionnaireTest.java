package org.roundtable.programmes.command;

import static org.roundtable.programmes.command.DomainExceptionMatcher.refusedAs;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.kernel.ProblemType;
import org.roundtable.programmes.api.QuestionnaireReturned;
import org.roundtable.programmes.api.QuestionnaireSent;
import org.roundtable.programmes.api.RecordQuestionnaireReturn;
import org.roundtable.programmes.api.SendQuestionnaire;

class QuestionnaireTest {

    static final String DARMSTADT = "darmstadt";
    static final String ID = "questionnaire-1";
    static final String PROGRAMME = "programme-d";
    static final LocalDate TODAY = LocalDate.of(2026, 5, 4);
    static final Map<String, String> AS_DARMSTADT = Map.of(MetadataKeys.TENANT_ID, DARMSTADT, MetadataKeys.ACTOR_ID, "staff-1");
    static final Map<String, String> AS_KENT = Map.of(MetadataKeys.TENANT_ID, "kent", MetadataKeys.ACTOR_ID, "staff-2");

    FixtureConfiguration<Questionnaire> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Questionnaire.class);
        fixture.registerInjectableResource(new FakeProgrammeReferences(TODAY)
                .withProgramme(DARMSTADT, new ProgrammeReferences.ProgrammeFacts(PROGRAMME, LocalDate.of(2025, 1, 1),
                        LocalDate.of(2027, 12, 31), false))
                .withParticipant(DARMSTADT, new AttendeeFacts("p1", null, false, Set.of()))
                .withParticipant(DARMSTADT, new AttendeeFacts("p2", null, false, Set.of()))
                .withParticipant(DARMSTADT, new AttendeeFacts("p-erased", null, true, Set.of()))
                .withParticipant("kent", new AttendeeFacts("p-kent", null, false, Set.of())));
    }

    static QuestionnaireSent sent() {
        return new QuestionnaireSent(ID, DARMSTADT, PROGRAMME, "How was the excursion?", true, List.of("p1", "p2"), TODAY);
    }

    @Test
    void should_send_a_simple_language_questionnaire_dated_today() {
        fixture.givenNoPriorActivity()
                .when(new SendQuestionnaire(ID, PROGRAMME, "How was the excursion?", true, List.of("p1", "p2")), AS_DARMSTADT)
                .expectEvents(sent());
    }

    @Test
    void should_refuse_recipients_of_another_agency_erased_ones_or_none() {
        fixture.givenNoPriorActivity()
                .when(new SendQuestionnaire(ID, PROGRAMME, "Q", false, List.of("p1", "p-kent")), AS_DARMSTADT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SendQuestionnaire(ID, PROGRAMME, "Q", false, List.of("p-erased")), AS_DARMSTADT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        fixture.givenNoPriorActivity()
                .when(new SendQuestionnaire(ID, PROGRAMME, "Q", false, List.of()), AS_DARMSTADT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
    }

    @Test
    void should_refuse_a_questionnaire_of_another_agencys_programme() {
        fixture.givenNoPriorActivity()
                .when(new SendQuestionnaire(ID, PROGRAMME, "Q", false, List.of("p-kent")), AS_KENT)
                .expectException(refusedAs(ProblemType.NOT_FOUND));
    }

    @Test
    void should_record_a_return_once_and_only_from_a_recipient() {
        fixture.given(sent())
                .when(new RecordQuestionnaireReturn(ID, "p2"), AS_DARMSTADT)
                .expectResultMessagePayload(1L)
                .expectEvents(new QuestionnaireReturned(ID, "p2"));
        fixture.given(sent(), new QuestionnaireReturned(ID, "p2"))
                .when(new RecordQuestionnaireReturn(ID, "p2"), AS_DARMSTADT)
                .expectException(refusedAs(ProblemType.CONFLICT));
        fixture.given(sent())
                .when(new RecordQuestionnaireReturn(ID, "p-erased"), AS_DARMSTADT)
                .expectException(refusedAs(ProblemType.RULE_VIOLATION));
        fixture.given(sent())
                .when(new RecordQuestionnaireReturn(ID, "p1"), AS_KENT)
                .expectException(refusedAs(ProblemType.NOT_FOUND));
    }
}
