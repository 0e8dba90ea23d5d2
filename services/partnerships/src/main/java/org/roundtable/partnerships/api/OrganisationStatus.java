package org.roundtable.partnerships.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether an organisation may still be referenced: an archived one stays in the history only. */
public enum OrganisationStatus {
    ACTIVE("active"),
    ARCHIVED("archived");

    private final String code;

    OrganisationStatus(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static OrganisationStatus fromCode(String code) {
        for (OrganisationStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown organisation status");
    }
}
