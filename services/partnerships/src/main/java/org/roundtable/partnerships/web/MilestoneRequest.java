package org.roundtable.partnerships.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.roundtable.partnerships.api.Milestone;
import org.roundtable.partnerships.api.RecordMilestone;

/** Body of {@code POST /api/organisations/{id}/milestones}; the evidence must not name people. */
record MilestoneRequest(
        UUID id,
        @NotNull Milestone milestone,
        @NotNull @PastOrPresent LocalDate date,
        @NotBlank @Size(max = 1000) String evidence) {

    RecordMilestone toCommand(String organisationId, String milestoneId) {
        return new RecordMilestone(organisationId, milestoneId, milestone, date, evidence);
    }
}
