package org.roundtable.programmes.query;

import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;

/** A session's register as the attendance read model stores it. */
class SessionDocument {

    @Id
    String id;
    String tenantId;
    String programmeId;
    String activityId;
    String kind;
    boolean oneOff;
    String title;
    String town;
    String date;
    List<String> facilitatorIds = new ArrayList<>();
    /** Every registered attendee, individuals and families, in register order. */
    List<String> attendees = new ArrayList<>();
    String familiesJson;
    String headcountsJson;
    boolean cancelled;
    String cancellationReason;
    List<String> feedback = new ArrayList<>();
    long version;
}
