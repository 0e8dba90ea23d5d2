package org.roundtable.programmes.api;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a questionnaire of a programme to a set of participants. Result: the aggregate version. */
public record SendQuestionnaire(@TargetAggregateIdentifier String questionnaireId, String programmeId, String title,
                                boolean simpleLanguage, List<String> recipientIds) {

    public SendQuestionnaire {
        recipientIds = recipientIds == null ? List.of() : List.copyOf(recipientIds);
    }
}
