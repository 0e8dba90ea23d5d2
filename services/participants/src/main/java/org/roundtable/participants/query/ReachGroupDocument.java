package org.roundtable.participants.query;

import java.time.Instant;
import org.springframework.data.annotation.Id;

/** A reach group as the catalogue stores it. */
class ReachGroupDocument {

    @Id
    String id;
    String tenantId;
    String code;
    String label;
    Instant definedAt;
}
