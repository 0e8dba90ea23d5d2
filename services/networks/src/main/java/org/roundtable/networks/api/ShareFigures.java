package org.roundtable.networks.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A member agency's admin shares its figures for a quarter from one of its programmes' reports. The
 * figures are computed when the command is handled and recorded with the ledger position they were
 * computed at; sharing again for the same quarter and programme supersedes the earlier share.
 */
public record ShareFigures(@TargetAggregateIdentifier String networkId, Quarter quarter, String programmeId) {
}
