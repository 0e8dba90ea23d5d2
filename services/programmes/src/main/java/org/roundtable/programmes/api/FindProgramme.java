package org.roundtable.programmes.api;

/** One programme of a tenant; answers an empty {@code Optional<ProgrammeView>} otherwise. */
public record FindProgramme(String tenantId, String programmeId) {
}
