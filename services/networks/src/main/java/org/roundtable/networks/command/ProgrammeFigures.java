package org.roundtable.networks.command;

import java.time.LocalDate;
import java.util.Optional;
import org.roundtable.networks.api.QuarterFigures;

/**
 * The port through which a member agency's figures come from its programme report. The server
 * implements it over the programmes context; this context never depends on that module.
 */
public interface ProgrammeFigures {

    /**
     * The tenant's figures for one of its programmes between two days (both inclusive): distinct
     * people reached, sessions, one-off events, people reached by reach group, already suppressed for
     * small groups, with the ledger position they were computed at. Empty if the tenant has no such programme.
     */
    Optional<QuarterFigures> figuresFor(String tenantId, String programmeId, LocalDate from, LocalDate to);
}
