package org.roundtable.programmes.api;

import java.util.List;

/** One family at the door: a guardian and the children of their household who came with them. */
public record FamilyCheckIn(String guardianId, List<String> childIds) {

    public FamilyCheckIn {
        childIds = childIds == null ? List.of() : List.copyOf(childIds);
    }
}
