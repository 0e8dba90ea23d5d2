package org.roundtable.partnerships.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a professionalisation milestone an association reached, with the evidence for it
 * (e.g. "statutes registered at the district court"); the evidence must not name people.
 * Result: the aggregate version.
 */
public record RecordMilestone(
        @TargetAggregateIdentifier String organisationId, String milestoneId, Milestone milestone,
        LocalDate reachedOn, String evidence) {
}
