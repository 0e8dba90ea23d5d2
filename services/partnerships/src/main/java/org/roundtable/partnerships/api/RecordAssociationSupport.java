package org.roundtable.partnerships.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records support the agency gave an association: funding ({@code amount} and an ISO 4217
 * {@code currency}), a workshop attended or advice. {@code note} says what was given and must not
 * name people. Result: the aggregate version.
 */
public record RecordAssociationSupport(
        @TargetAggregateIdentifier String organisationId, String supportId, SupportKind kind, LocalDate givenOn,
        BigDecimal amount, String currency, String note) {
}
