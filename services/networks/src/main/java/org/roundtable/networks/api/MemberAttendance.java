package org.roundtable.networks.api;

/** How often a member came to the meetings held in a quarter while it was a member; {@code rate} is null if none were. */
public record MemberAttendance(String memberId, String name, int meetingsHeld, int attended, Double rate) {
}
