package org.roundtable.partnerships.web;

import java.util.function.Function;
import org.roundtable.kernel.DomainException;
import org.roundtable.kernel.ProblemType;

/** Turns an optional code in a query parameter into its enum, answering 400 for an unknown code. */
final class Codes {

    /** Codes are lower-case words joined by dashes. */
    static final String PATTERN = "[a-z][a-z-]{1,40}";

    private Codes() {
    }

    static <E> E parse(String code, Function<String, E> fromCode, String what) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return fromCode.apply(code);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ProblemType.VALIDATION, "unknown " + what);
        }
    }
}
