package org.roundtable.programmes.api;

/** One questionnaire of a tenant; answers an empty {@code Optional<QuestionnaireView>} otherwise. */
public record FindQuestionnaire(String tenantId, String questionnaireId) {
}
