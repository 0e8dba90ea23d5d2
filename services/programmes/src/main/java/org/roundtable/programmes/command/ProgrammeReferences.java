package org.roundtable.programmes.command;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.roundtable.programmes.api.ActivityKind;

/** What the aggregates of this context need to know about each other, about participants and about today. */
public interface ProgrammeReferences {

    /** The programme if it belongs to the tenant. */
    Optional<ProgrammeFacts> programme(String tenantId, String programmeId);

    /** The activity if it belongs to the tenant. */
    Optional<ActivityFacts> activity(String tenantId, String activityId);

    /** See {@link AttendeeDirectory#find}. */
    Map<String, AttendeeFacts> attendees(String tenantId, Collection<String> participantIds);

    /** Whether the partner organisation is active for the tenant (true when no registry is present). */
    boolean partnerActive(String tenantId, String organisationId);

    /** Today in the tenant's time zone (UTC unless the server says otherwise). */
    LocalDate today(String tenantId);

    /** A programme's period and whether it is closed. */
    record ProgrammeFacts(String programmeId, LocalDate startDate, LocalDate endDate, boolean closed) {
    }

    /** An activity's programme, kind, town and the date it is retired from (null while it runs). */
    record ActivityFacts(String activityId, String programmeId, ActivityKind kind, String town, LocalDate retiredFrom) {
    }
}
