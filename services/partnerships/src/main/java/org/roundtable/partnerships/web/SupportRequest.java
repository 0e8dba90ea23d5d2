package org.roundtable.partnerships.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.partnerships.api.RecordAssociationSupport;
import org.roundtable.partnerships.api.SupportKind;

/**
 * Body of {@code POST /api/organisations/{id}/support}. {@code amount} and {@code currency} are for
 * funding only. {@code note} says what was given and must not name people.
 */
record SupportRequest(
        UUID id,
        @NotNull SupportKind kind,
        @NotNull @PastOrPresent LocalDate date,
        @DecimalMin(value = "0", inclusive = false) @Digits(integer = 8, fraction = 2) BigDecimal amount,
        @Pattern(regexp = "[A-Z]{3}") String currency,
        @NotBlank @Size(max = 1000) String note) {

    RecordAssociationSupport toCommand(String organisationId, String supportId) {
        return new RecordAssociationSupport(organisationId, supportId, kind, date, amount, currency, note);
    }
}
