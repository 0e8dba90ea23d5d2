package org.roundtable.programmes.api;

/** A tenant's programmes, newest period first; answers a {@code List<ProgrammeView>}. */
public record FindProgrammes(String tenantId) {
}
