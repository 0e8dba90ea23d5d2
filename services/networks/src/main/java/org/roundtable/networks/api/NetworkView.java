package org.roundtable.networks.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A network's detail. {@code asOfLeaving} is set when the caller's tenant has left: the record is
 * then shown as it stood when it left. {@code version} is the aggregate version shown.
 */
public record NetworkView(String networkId, String name, String purpose, String chairTenantId, LocalDate foundedOn,
                          Cadence cadence, List<MemberView> members, List<MeetingSummary> meetings,
                          List<Quarter> reviewedQuarters, LocalDate asOfLeaving, long version) {
}
