package org.roundtable.partnerships.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a partnership is running; nothing can be logged on an ended one. */
public enum PartnershipStatus {
    ACTIVE("active"),
    ENDED("ended");

    private final String code;

    PartnershipStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PartnershipStatus fromCode(String code) {
        for (PartnershipStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown partnership status");
    }
}
