package org.roundtable.programmes.api;

import org.axonframework.serialization.Revision;

/** A recipient returned the questionnaire. */
@Revision("1")
public record QuestionnaireReturned(String questionnaireId, String participantId) {
}
