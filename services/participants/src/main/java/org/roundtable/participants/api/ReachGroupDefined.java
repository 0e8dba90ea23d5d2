package org.roundtable.participants.api;

import org.axonframework.serialization.Revision;

/** A tenant defined a reach group. */
@Revision("1")
public record ReachGroupDefined(String reachGroupId, String tenantId, String code, String label) {
}
