package org.roundtable.partnerships.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A step in an association's professionalisation. Each named milestone is reached once;
 * {@link #OTHER} may be recorded many times, its evidence note saying what was reached.
 */
public enum Milestone {
    STATUTES_ADOPTED("statutes-adopted"),
    BOARD_TRAINED("board-trained"),
    PUBLIC_RELATIONS_PLAN("public-relations-plan"),
    FIRST_OWN_EVENT("first-own-event"),
    JOINED_DISTRICT_COMMITTEE("joined-district-committee"),
    OTHER("other");

    private final String code;

    Milestone(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public boolean reachedOnce() {
        return this != OTHER;
    }

    @JsonCreator
    public static Milestone fromCode(String code) {
        for (Milestone milestone : values()) {
            if (milestone.code.equals(code)) {
                return milestone;
            }
        }
        throw new IllegalArgumentException("unknown milestone");
    }
}
