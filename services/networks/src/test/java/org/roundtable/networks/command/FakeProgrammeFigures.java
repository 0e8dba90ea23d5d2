package org.roundtable.networks.command;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.roundtable.networks.api.QuarterFigures;

/** Programme figures held in memory, keyed by tenant, programme and period. */
final class FakeProgrammeFigures implements ProgrammeFigures {

    private final Map<String, QuarterFigures> figures = new HashMap<>();

    FakeProgrammeFigures with(String tenantId, String programmeId, LocalDate from, LocalDate to, QuarterFigures value) {
        figures.put(tenantId + "/" + programmeId + "/" + from + "/" + to, value);
        return this;
    }

    @Override
    public Optional<QuarterFigures> figuresFor(String tenantId, String programmeId, LocalDate from, LocalDate to) {
        return Optional.ofNullable(figures.get(tenantId + "/" + programmeId + "/" + from + "/" + to));
    }
}
