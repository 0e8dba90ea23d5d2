package org.roundtable.partnerships.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Support an agency gives an association. Only funding carries an amount. */
public enum SupportKind {
    FUNDING("funding"),
    WORKSHOP("workshop"),
    ADVICE("advice");

    private final String code;

    SupportKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static SupportKind fromCode(String code) {
        for (SupportKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown support kind");
    }
}
