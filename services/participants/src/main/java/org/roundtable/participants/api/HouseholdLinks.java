package org.roundtable.participants.api;

import java.util.List;

/** Who a participant is linked with: their guardian, and the participants they are guardian of. */
public record HouseholdLinks(String guardianId, List<String> dependantIds) {
}
