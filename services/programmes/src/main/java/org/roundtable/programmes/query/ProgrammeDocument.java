package org.roundtable.programmes.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;

/** A programme as the catalogue stores it; dates are ISO text, nested values JSON. */
class ProgrammeDocument {

    @Id
    String id;
    String tenantId;
    String name;
    String startDate;
    String endDate;
    List<String> towns = new ArrayList<>();
    String fundersJson;
    String targetsJson;
    boolean closed;
    Instant launchedAt;
    Instant closedAt;
    long version;
}
