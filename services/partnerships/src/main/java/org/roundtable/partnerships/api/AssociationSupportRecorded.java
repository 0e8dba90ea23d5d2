package org.roundtable.partnerships.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.serialization.Revision;

/** Support given to an association; {@code amount} and {@code currency} are set for funding only. */
@Revision("1")
public record AssociationSupportRecorded(
        String organisationId, String supportId, SupportKind kind, LocalDate givenOn, BigDecimal amount,
        String currency, String note) {
}
