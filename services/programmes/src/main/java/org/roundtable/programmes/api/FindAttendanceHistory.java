package org.roundtable.programmes.api;

/** The sessions a participant of the tenant attended, newest first; a {@code List<AttendanceRecord>}. */
public record FindAttendanceHistory(String tenantId, String participantId) {
}
