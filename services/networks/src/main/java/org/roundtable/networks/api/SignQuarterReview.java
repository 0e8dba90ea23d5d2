package org.roundtable.networks.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The chair signs off a quarter with a summary; the review then shows the quarter as it stood at signing. */
public record SignQuarterReview(@TargetAggregateIdentifier String networkId, Quarter quarter, String summary) {
}
