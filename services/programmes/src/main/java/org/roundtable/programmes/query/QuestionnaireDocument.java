package org.roundtable.programmes.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;

/** A questionnaire with its recipients and returns. */
class QuestionnaireDocument {

    @Id
    String id;
    String tenantId;
    String programmeId;
    String title;
    boolean simpleLanguage;
    String sentOn;
    List<String> recipientIds = new ArrayList<>();
    List<String> returnedBy = new ArrayList<>();
    long version;
}
