package org.roundtable.partnerships.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.roundtable.partnerships.api.OrganisationKind;
import org.roundtable.partnerships.api.OrganisationStatus;
import org.springframework.data.annotation.Id;

/** An organisation as the registry stores it. {@code version} is the last aggregate sequence number applied. */
class OrganisationDocument {

    @Id
    String id;
    String tenantId;
    String name;
    /** Lower-cased name, for sorting without a collation. */
    String sortName;
    OrganisationKind kind;
    String town;
    String roleContact;
    OrganisationStatus status;
    Instant registeredAt;
    String registeredBy;
    Instant archivedAt;
    String archiveReason;
    List<Entry> timeline = new ArrayList<>();
    long version;

    /** A support or milestone; dates and amounts as text so no time zone or binary rounding touches them. */
    static class Entry {
        String id;
        String type;
        String what;
        String date;
        String amount;
        String currency;
        String note;
        Instant recordedAt;
        String recordedBy;
    }
}
