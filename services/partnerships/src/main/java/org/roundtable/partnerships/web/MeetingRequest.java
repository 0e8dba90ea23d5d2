package org.roundtable.partnerships.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.partnerships.api.LogPartnershipMeeting;

/**
 * Body of {@code POST /api/partnerships/{id}/meetings}. {@code activity} says what the partners did;
 * it must not name anyone or describe their private life (it is stored as nobody's personal data).
 */
record MeetingRequest(UUID id, @NotNull @PastOrPresent LocalDate date, @NotBlank @Size(max = 1000) String activity) {

    LogPartnershipMeeting toCommand(String partnershipId, String meetingId) {
        return new LogPartnershipMeeting(partnershipId, meetingId, date, activity);
    }
}
