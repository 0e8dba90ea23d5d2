package org.roundtable.partnerships.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of organisation a partner is. The API and the events spell it by its code. */
public enum OrganisationKind {
    PRIMARY_SCHOOL("primary-school"),
    CHILDRENS_CENTRE("childrens-centre"),
    POLICE("police"),
    HEALTH_SERVICE("health-service"),
    FIRE_AND_RESCUE("fire-and-rescue"),
    /** A migrant association (a Verein) the agency may support. */
    MIGRANT_ASSOCIATION("migrant-association"),
    CITIZENS_ASSOCIATION("citizens-association"),
    PUBLIC_DEPARTMENT("public-department"),
    CONSUMER_ADVICE("consumer-advice"),
    JOB_CENTRE("job-centre"),
    CHARITY("charity"),
    OTHER("other");

    private final String code;

    OrganisationKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    /** Associations are the organisations whose support and professionalisation are recorded. */
    public boolean isAssociation() {
        return this == MIGRANT_ASSOCIATION || this == CITIZENS_ASSOCIATION;
    }

    @JsonCreator
    public static OrganisationKind fromCode(String code) {
        for (OrganisationKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown organisation kind");
    }
}
