package org.roundtable.partnerships.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an integration partnership is for; a partnership has one or more. */
public enum PartnershipPurpose {
    LANGUAGE_EXCHANGE("language-exchange"),
    COMMON_HOBBY("common-hobby"),
    EVERYDAY_SUPPORT("everyday-support"),
    OTHER("other");

    private final String code;

    PartnershipPurpose(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static PartnershipPurpose fromCode(String code) {
        for (PartnershipPurpose purpose : values()) {
            if (purpose.code.equals(code)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("unknown partnership purpose");
    }
}
