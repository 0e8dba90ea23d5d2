package org.roundtable.partnerships.api;

import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** An association reached a professionalisation milestone. */
@Revision("1")
public record AssociationMilestoneReached(
        String organisationId, String milestoneId, Milestone milestone, LocalDate reachedOn, String evidence) {
}
