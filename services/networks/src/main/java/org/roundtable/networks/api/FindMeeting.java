package org.roundtable.networks.api;

import java.time.LocalDate;

/** One meeting of a network the tenant may see; answers an {@code Optional<MeetingView>}. {@code today} decides overdue flags. */
public record FindMeeting(String tenantId, String networkId, String meetingId, LocalDate today) {
}
