package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;

/** A questionnaire with its recipients, who returned it, and the return rate in percent (one decimal). */
public record QuestionnaireView(String id, String programmeId, String title, boolean simpleLanguage, LocalDate sentOn,
                                List<String> recipientIds, List<String> returnedBy, double returnRate, long version) {
}
