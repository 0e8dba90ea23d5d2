package org.roundtable.programmes.api;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A programme's targets were replaced by {@code targets}, for {@code reason}. */
@Revision("1")
public record ProgrammeTargetsChanged(String programmeId, List<Target> targets, String reason) {

    public ProgrammeTargetsChanged {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
