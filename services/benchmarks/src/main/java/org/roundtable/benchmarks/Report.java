package org.roundtable.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Collects measurements and writes them as Markdown tables (medians with min–max spread). */
final class Report {

    /** Everything from this line on in an existing RESULTS.md is hand-written analysis and is kept. */
    static final String ANALYSIS_MARKER = "<!-- analysis: written by hand, kept when the benchmark rewrites the tables above -->";

    private final List<String> comparisons = new ArrayList<>();
    private final List<String> measurements = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** One measured quantity: a sample per run. */
    record Series(String name, String unit, double[] values) {
        double median() {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        double min() {
            return Arrays.stream(values).min().orElse(Double.NaN);
        }

        double max() {
            return Arrays.stream(values).max().orElse(Double.NaN);
        }

        String cell() {
            return fmt(median()) + " " + unit + " (" + fmt(min()) + "–" + fmt(max()) + ")";
        }
    }

    /**
     * A ratio of ours to the raw baseline where higher is better for us. Per-run ratios (run i against run i)
     * give the spread; the headline is median(ours) against median(raw).
     *
     * @param higherIsBetter true for rates, false for times (then raw/ours is reported)
     */
    void compare(String what, Series ours, Series raw, boolean higherIsBetter, double target) {
        double ratio = higherIsBetter ? ours.median() / raw.median() : raw.median() / ours.median();
        int n = Math.min(ours.values().length, raw.values().length);
        double[] perRun = new double[n];
        for (int i = 0; i < n; i++) {
            perRun[i] = higherIsBetter ? ours.values()[i] / raw.values()[i] : raw.values()[i] / ours.values()[i];
        }
        Series spread = new Series("", "", perRun);
        String verdict = target <= 0 ? "—" : ratio >= target ? "met (≥ " + fmt(target) + ")"
                : "MISSED by " + fmt((1 - ratio / target) * 100) + " % (" + String.format(Locale.ROOT, "%.3f", ratio)
                + " of " + fmt(target) + "; needs ×" + fmt(target / ratio) + ")";
        comparisons.add("| " + what + " | " + ours.name() + ": " + ours.cell() + " | " + raw.name() + ": " + raw.cell()
                + " | **" + fmt(ratio) + "** (" + fmt(spread.min()) + "–" + fmt(spread.max()) + ") | " + verdict + " |");
    }

    void measure(String what, Series series, String comment) {
        measurements.add("| " + what + " | " + series.cell() + " | " + comment + " |");
    }

    void note(String text) {
        notes.add(text);
    }

    String markdown(String header) {
        StringBuilder out = new StringBuilder(header);
        out.append("\n## Ratios against the raw driver (medians of the runs; spread = min–max of per-run ratios)\n\n");
        out.append("| measurement | ours (median, min–max) | raw baseline (median, min–max) | ratio | target |\n");
        out.append("|---|---|---|---|---|\n");
        comparisons.forEach(row -> out.append(row).append('\n'));
        out.append("\n## Other measurements\n\n| measurement | median (min–max) | note |\n|---|---|---|\n");
        measurements.forEach(row -> out.append(row).append('\n'));
        out.append("\n## Run notes\n\n");
        notes.forEach(note -> out.append("- ").append(note).append('\n'));
        return out.toString();
    }

    static void write(Path file, String generated) {
        try {
            String kept = "";
            if (Files.exists(file)) {
                String existing = Files.readString(file);
                int at = existing.indexOf(ANALYSIS_MARKER);
                if (at >= 0) {
                    kept = existing.substring(at);
                }
            }
            if (kept.isEmpty()) {
                kept = ANALYSIS_MARKER + "\n";
            }
            Files.writeString(file, generated + "\n" + kept);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static String fmt(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        double abs = Math.abs(value);
        if (abs >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (abs >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
