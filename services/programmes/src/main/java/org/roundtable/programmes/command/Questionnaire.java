package org.roundtable.programmes.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.MetadataKeys;
import org.roundtable.programmes.api.QuestionnaireReturned;
import org.roundtable.programmes.api.QuestionnaireSent;
import org.roundtable.programmes.api.RecordQuestionnaireReturn;
import org.roundtable.programmes.api.SendQuestionnaire;

/** A questionnaire sent to a set of participants, and who returned it. Handlers answer the aggregate version. */
@Aggregate
class Questionnaire {

    static final int MAX_RECIPIENTS = 2000;

    @AggregateIdentifier
    private String questionnaireId;
    private String tenantId;
    private final Set<String> recipients = new HashSet<>();
    private final Set<String> returned = new HashSet<>();

    Questionnaire() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(SendQuestionnaire command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId,
                ProgrammeReferences references) {
        Rules.tenant(tenantId);
        Rules.id("questionnaire id", command.questionnaireId());
        Rules.id("programme id", command.programmeId());
        references.programme(tenantId, command.programmeId()).orElseThrow(() -> DomainException.notFound("programme"));
        String title = Rules.required("title", command.title(), Rules.MAX_NAME);
        if (command.recipientIds().isEmpty()) {
            throw DomainException.rule("a questionnaire needs at least one recipient");
        }
        Rules.size("recipients", command.recipientIds(), MAX_RECIPIENTS);
        command.recipientIds().forEach(id -> Rules.id("participant id", id));
        Rules.distinct("recipients", command.recipientIds());
        Map<String, AttendeeFacts> facts = references.attendees(tenantId, command.recipientIds());
        for (String id : command.recipientIds()) {
            AttendeeFacts recipient = facts.get(id);
            if (recipient == null) {
                throw DomainException.rule("participant " + id + " is not a participant of this agency");
            }
            if (recipient.erased()) {
                throw DomainException.rule("participant " + id + " has been erased");
            }
        }
        apply(new QuestionnaireSent(command.questionnaireId(), tenantId, command.programmeId(), title,
                command.simpleLanguage(), command.recipientIds(), references.today(tenantId)));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    long handle(RecordQuestionnaireReturn command, @MetaDataValue(MetadataKeys.TENANT_ID) String tenantId) {
        // another tenant's questionnaire must look exactly like a missing one
        if (!this.tenantId.equals(tenantId)) {
            throw DomainException.notFound("questionnaire");
        }
        if (!recipients.contains(command.participantId())) {
            throw DomainException.rule("the participant was not sent this questionnaire");
        }
        if (returned.contains(command.participantId())) {
            throw DomainException.conflict("the participant's return is already recorded");
        }
        apply(new QuestionnaireReturned(questionnaireId, command.participantId()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(QuestionnaireSent event) {
        questionnaireId = event.questionnaireId();
        tenantId = event.tenantId();
        recipients.addAll(event.recipientIds());
    }

    @EventSourcingHandler
    void on(QuestionnaireReturned event) {
        returned.add(event.participantId());
    }
}
