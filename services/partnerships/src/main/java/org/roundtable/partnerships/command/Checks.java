package org.roundtable.partnerships.command;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.roundtable.kernel.DomainException;

/** Shared input rules. Messages name the field, never its value, so they can be shown and logged. */
final class Checks {

    static final int MAX_ID = 100;
    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 100;
    static final int MAX_NOTE = 1000;
    static final int MAX_REASON = 500;

    private Checks() {
    }

    static void tenantPresent(String tenantId) {
        if (tenantId == null) {
            throw new IllegalStateException("command without tenant metadata");
        }
    }

    /** The stripped value, required to be 1..max characters. */
    static String required(String field, String value, int max) {
        String stripped = value == null ? "" : value.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw DomainException.rule(field + " must be 1-" + max + " characters");
        }
        return stripped;
    }

    /** The stripped value or null when blank, at most max characters. */
    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(field, value, max);
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw DomainException.rule(field + " is required");
        }
        return value;
    }

    /** A day is accepted up to tomorrow in UTC, so a user east of Greenwich can record "today". */
    static LocalDate notInFuture(String field, LocalDate date) {
        present(field, date);
        if (date.isAfter(LocalDate.now(ZoneOffset.UTC).plusDays(1))) {
            throw DomainException.rule(field + " lies in the future");
        }
        return date;
    }
}
