package org.roundtable.programmes.api;

import java.time.LocalDate;

/**
 * A programme's figures for sessions dated {@code from} to {@code to} inclusive (the programme period
 * where null); answers an empty {@code Optional<ProgrammeReport>} when the tenant has no such programme.
 */
public record FindProgrammeReport(String tenantId, String programmeId, LocalDate from, LocalDate to) {
}
