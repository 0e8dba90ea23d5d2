package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A questionnaire was sent to participants on {@code sentOn}. */
@Revision("1")
public record QuestionnaireSent(String questionnaireId, String tenantId, String programmeId, String title,
                                boolean simpleLanguage, List<String> recipientIds, LocalDate sentOn) {

    public QuestionnaireSent {
        recipientIds = recipientIds == null ? List.of() : List.copyOf(recipientIds);
    }
}
