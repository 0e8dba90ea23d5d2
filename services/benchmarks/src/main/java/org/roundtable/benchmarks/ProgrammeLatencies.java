package org.roundtable.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Latency samples of one round and the order statistics the programmes benchmark reports. */
final class ProgrammeLatencies {

    private final double[] millis;

    ProgrammeLatencies(long[] nanos) {
        millis = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
    }

    int count() {
        return millis.length;
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code p} % of the samples at or below it. */
    double percentile(double p) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    double p50() {
        return percentile(50);
    }

    double p99() {
        return percentile(99);
    }

    double max() {
        return millis.length == 0 ? Double.NaN : millis[millis.length - 1];
    }

    /** The median of per-round values, with their range: "12.3 (11.0–14.1)". */
    static String cell(double[] perRound, String unit) {
        return fmt(median(perRound)) + unit + " (" + fmt(min(perRound)) + "–" + fmt(max(perRound)) + ")";
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        if (n == 0) {
            return Double.NaN;
        }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        String pattern = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, pattern, value);
    }
}
