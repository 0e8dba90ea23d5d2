package org.roundtable.networks.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A calendar quarter, written {@code yyyy-Qn} (e.g. {@code 2024-Q3}). */
public record Quarter(int year, int number) implements Comparable<Quarter> {

    /** Years 1900-9999, as the constructor accepts, so a well-formed path never fails later. */
    public static final String REGEX = "(19\\d\\d|[2-9]\\d{3})-Q[1-4]";
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    public Quarter {
        if (year < 1900 || year > 9999 || number < 1 || number > 4) {
            throw new IllegalArgumentException("a quarter is yyyy-Qn with n from 1 to 4");
        }
    }

    @JsonCreator
    public static Quarter parse(String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a quarter is written yyyy-Qn, e.g. 2024-Q3");
        }
        return new Quarter(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)));
    }

    public static Quarter of(LocalDate date) {
        return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }

    @Override
    public int compareTo(Quarter other) {
        return year != other.year ? Integer.compare(year, other.year) : Integer.compare(number, other.number);
    }

    @JsonValue
    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
