package org.roundtable.programmes.command;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.roundtable.kernel.DomainException;

/** Checks shared by the aggregates; every refusal is a {@link DomainException} whose message names no person. */
final class Rules {

    static final int MAX_NAME = 200;
    static final int MAX_TEXT = 100;
    static final int MAX_REASON = 500;
    static final int MAX_NOTE = 2000;
    static final int MAX_LIST = 50;
    static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,40}");
    static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_:-]{0,99}");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

    private Rules() {
    }

    static void tenant(String tenantId) {
        if (tenantId == null) {
            throw new IllegalStateException("command without tenant metadata");
        }
    }

    static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw DomainException.rule(field + " is required and must be a plain identifier");
        }
        return value;
    }

    static String required(String field, String value, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > max) {
            throw DomainException.rule(field + " must be 1-" + max + " characters");
        }
        return text;
    }

    static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return required(field, value, max);
    }

    static void code(String field, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw DomainException.rule(field + " must match " + CODE.pattern());
        }
    }

    static void size(String field, Collection<?> values, int max) {
        if (values.size() > max) {
            throw DomainException.rule("at most " + max + " " + field);
        }
    }

    static <T> void distinct(String field, Collection<T> values) {
        Set<T> seen = new HashSet<>();
        for (T value : values) {
            if (!seen.add(value)) {
                throw DomainException.rule(field + " lists an entry twice");
            }
        }
    }

    static void within(String what, LocalDate from, LocalDate until, LocalDate start, LocalDate end) {
        if (from == null || until == null || from.isAfter(until)) {
            throw DomainException.rule(what + " needs a start that is not after its end");
        }
        if (from.isBefore(start) || until.isAfter(end)) {
            throw DomainException.rule(what + " must lie inside the programme period " + start + " to " + end);
        }
    }
}
