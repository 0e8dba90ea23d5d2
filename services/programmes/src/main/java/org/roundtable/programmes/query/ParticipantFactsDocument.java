package org.roundtable.programmes.query;

import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.data.annotation.Id;

/**
 * What this context keeps of a participant: only the facts figures and register rules need, none of
 * them personal data that erasure must remove (birth year, town, country and reach groups stay so the
 * person still counts).
 */
class ParticipantFactsDocument {

    @Id
    String id;
    String tenantId;
    String town;
    Set<String> reachGroups = new LinkedHashSet<>();
    Integer birthYear;
    String countryOfOrigin;
    String guardianId;
    boolean erased;
    Set<String> consents = new LinkedHashSet<>();
    long version;
}
