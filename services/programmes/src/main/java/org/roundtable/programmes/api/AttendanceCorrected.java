package org.roundtable.programmes.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A session's register was corrected: attendees added and removed, headcounts set (0 removes a group). */
@Revision("1")
public record AttendanceCorrected(String sessionId, List<String> added, List<String> removed,
                                  List<Headcount> headcounts, String reason) {

    public AttendanceCorrected {
        added = added == null ? List.of() : List.copyOf(added);
        removed = removed == null ? List.of() : List.copyOf(removed);
        headcounts = headcounts == null ? List.of() : List.copyOf(headcounts);
    }
}
