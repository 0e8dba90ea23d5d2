package org.roundtable.programmes.api;

import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** An activity was planned inside a programme. */
@Revision("1")
public record ActivityPlanned(String activityId, String tenantId, String programmeId, String name, ActivityKind kind,
                              String audience, String town, String venue, WeeklySchedule schedule,
                              List<String> languages, boolean simpleLanguage, Set<String> partnerOrganisationIds) {

    public ActivityPlanned {
        languages = languages == null ? List.of() : List.copyOf(languages);
        partnerOrganisationIds = partnerOrganisationIds == null ? Set.of() : Set.copyOf(partnerOrganisationIds);
    }
}
