package org.roundtable.networks.api;

import java.time.LocalDate;

/** A member: {@code kind} is {@code tenant} (with {@code tenantId}) or {@code organisation}; {@code name} is either. */
public record MemberView(String memberId, String kind, String tenantId, String name, String role,
                         LocalDate admittedOn, LocalDate leftOn, boolean active) {
}
