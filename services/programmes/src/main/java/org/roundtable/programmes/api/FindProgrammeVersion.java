package org.roundtable.programmes.api;

/** The aggregate version the catalogue has applied for a programme, or -1 if it has none. */
public record FindProgrammeVersion(String tenantId, String programmeId) {
}
