package org.roundtable.partnerships.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.partnerships.api.CheckInAssessment;
import org.roundtable.partnerships.api.RecordCheckIn;

/** Body of {@code POST /api/partnerships/{id}/check-ins}; the optional note names no one. */
record CheckInRequest(UUID id, @NotNull @PastOrPresent LocalDate date, @NotNull CheckInAssessment assessment,
                      @Size(max = 1000) String note) {

    RecordCheckIn toCommand(String partnershipId, String checkInId) {
        return new RecordCheckIn(partnershipId, checkInId, date, assessment, note);
    }
}
