package org.roundtable.programmes.api;

/** The aggregate version the catalogue has applied for a questionnaire, or -1 if it has none. */
public record FindQuestionnaireVersion(String tenantId, String questionnaireId) {
}
