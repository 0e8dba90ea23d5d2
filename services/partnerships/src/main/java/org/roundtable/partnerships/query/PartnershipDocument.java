package org.roundtable.partnerships.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.roundtable.partnerships.api.CheckInAssessment;
import org.roundtable.partnerships.api.PartnershipOutcome;
import org.roundtable.partnerships.api.PartnershipPurpose;
import org.roundtable.partnerships.api.PartnershipStatus;
import org.springframework.data.annotation.Id;

/**
 * A partnership as the register stores it. Dates are ISO-8601 text (they sort and compare as text,
 * and no time zone is ever applied). {@code version} is the last aggregate sequence number applied.
 */
class PartnershipDocument {

    @Id
    String id;
    String tenantId;
    /** First and second partner, in the order they were named. */
    List<String> partnerIds = new ArrayList<>();
    Set<String> erasedPartnerIds = new LinkedHashSet<>();
    List<PartnershipPurpose> purposes = new ArrayList<>();
    String coordinatorId;
    String programmeId;
    String formedOn;
    PartnershipStatus status;
    String endedOn;
    PartnershipOutcome outcome;
    String endReason;
    List<Meeting> meetings = new ArrayList<>();
    List<CheckIn> checkIns = new ArrayList<>();
    Instant formedAt;
    String formedBy;
    long version;

    static class Meeting {
        String id;
        String date;
        String activity;
        Instant loggedAt;
        String loggedBy;
    }

    static class CheckIn {
        String id;
        String date;
        CheckInAssessment assessment;
        String note;
        Instant recordedAt;
        String recordedBy;
    }
}
