package org.roundtable.programmes.api;

import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Plans a recurring activity inside a programme. {@code schedule.until} may be null (until the
 * programme ends). Result: the aggregate version.
 */
public record PlanActivity(@TargetAggregateIdentifier String activityId, String programmeId, String name,
                           ActivityKind kind, String audience, String town, String venue, WeeklySchedule schedule,
                           List<String> languages, boolean simpleLanguage, Set<String> partnerOrganisationIds) {

    public PlanActivity {
        languages = languages == null ? List.of() : List.copyOf(languages);
        partnerOrganisationIds = partnerOrganisationIds == null ? Set.of() : Set.copyOf(partnerOrganisationIds);
    }
}
