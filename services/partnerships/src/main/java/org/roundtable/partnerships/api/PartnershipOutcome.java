package org.roundtable.partnerships.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How an integration partnership ended. */
public enum PartnershipOutcome {
    CONTINUING_PRIVATELY("continuing-privately"),
    GOAL_REACHED("goal-reached"),
    DISSOLVED("dissolved");

    private final String code;

    PartnershipOutcome(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PartnershipOutcome fromCode(String code) {
        for (PartnershipOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown partnership outcome");
    }
}
