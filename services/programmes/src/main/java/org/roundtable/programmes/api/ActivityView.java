package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** An activity as the catalogue shows it; {@code retiredFrom} is null while it runs. */
public record ActivityView(String id, String programmeId, String name, ActivityKind kind, String audience, String town,
                           String venue, WeeklySchedule schedule, List<String> languages, boolean simpleLanguage,
                           Set<String> partnerOrganisationIds, LocalDate retiredFrom, long version) {
}
