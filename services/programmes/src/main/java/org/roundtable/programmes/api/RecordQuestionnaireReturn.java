package org.roundtable.programmes.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a recipient returned the questionnaire. Result: the aggregate version. */
public record RecordQuestionnaireReturn(@TargetAggregateIdentifier String questionnaireId, String participantId) {
}
