package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A programme was launched for a tenant. */
@Revision("1")
public record ProgrammeLaunched(String programmeId, String tenantId, String name, LocalDate startDate,
                                LocalDate endDate, List<String> towns, List<Funding> funders, List<Target> targets) {

    public ProgrammeLaunched {
        towns = towns == null ? List.of() : List.copyOf(towns);
        funders = funders == null ? List.of() : List.copyOf(funders);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
