package org.roundtable.partnerships.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The coordinator's judgement of how a partnership is going at a check-in. */
public enum CheckInAssessment {
    ON_TRACK("on-track"),
    NEEDS_SUPPORT("needs-support"),
    AT_RISK("at-risk");

    private final String code;

    CheckInAssessment(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static CheckInAssessment fromCode(String code) {
        for (CheckInAssessment assessment : values()) {
            if (assessment.code.equals(code)) {
                return assessment;
            }
        }
        throw new IllegalArgumentException("unknown check-in assessment");
    }
}
