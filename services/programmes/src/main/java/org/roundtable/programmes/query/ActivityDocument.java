package org.roundtable.programmes.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.annotation.Id;

/** An activity as the catalogue stores it. */
class ActivityDocument {

    @Id
    String id;
    String tenantId;
    String programmeId;
    String name;
    String kind;
    String audience;
    String town;
    String venue;
    String scheduleJson;
    List<String> languages = new ArrayList<>();
    boolean simpleLanguage;
    Set<String> partnerOrganisationIds = new LinkedHashSet<>();
    String retiredFrom;
    long version;
}
