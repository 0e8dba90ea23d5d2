package org.roundtable.partnerships.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A partnership as the register shows it; purposes in declaration order. {@code version} is the aggregate version (the ETag).
 * Partners' names are not held here: the query answers {@code fullName = null}, and the API fills
 * it from the participant directory when it reads (or shows {@code [erased]}).
 */
public record PartnershipView(
        String id, List<Partner> partners, List<PartnershipPurpose> purposes, String coordinatorId, String programmeId,
        LocalDate formedOn, PartnershipStatus status, LocalDate endedOn, PartnershipOutcome outcome, String endReason,
        int meetingCount, LocalDate lastMeetingOn, List<CheckIn> checkIns, Instant formedAt, String formedBy,
        long version) {

    /** A partner; {@code erased} once their personal data was erased (they still count in figures). */
    public record Partner(String participantId, String fullName, boolean erased) {
    }

    public record CheckIn(String id, LocalDate checkedOn, CheckInAssessment assessment, String note,
                          Instant recordedAt, String recordedBy) {
    }

    /** The same view with the partners replaced, e.g. by ones whose names were looked up. */
    public PartnershipView withPartners(List<Partner> named) {
        return new PartnershipView(id, List.copyOf(named), purposes, coordinatorId, programmeId, formedOn, status,
                endedOn, outcome, endReason, meetingCount, lastMeetingOn, checkIns, formedAt, formedBy, version);
    }
}
