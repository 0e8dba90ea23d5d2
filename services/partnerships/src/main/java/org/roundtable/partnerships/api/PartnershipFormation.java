package org.roundtable.partnerships.api;

import java.util.List;

/** The result of {@link FormPartnership}: the new aggregate version and what the caller should know. */
public record PartnershipFormation(long version, List<String> warnings) {

    public PartnershipFormation {
        warnings = List.copyOf(warnings);
    }
}
