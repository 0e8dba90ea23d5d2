package org.roundtable.programmes.api;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Launches a programme of the caller's tenant (from the command's metadata). Result: the aggregate version. */
public record LaunchProgramme(@TargetAggregateIdentifier String programmeId, String name, LocalDate startDate,
                              LocalDate endDate, List<String> towns, List<Funding> funders, List<Target> targets) {

    public LaunchProgramme {
        towns = towns == null ? List.of() : List.copyOf(towns);
        funders = funders == null ? List.of() : List.copyOf(funders);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
