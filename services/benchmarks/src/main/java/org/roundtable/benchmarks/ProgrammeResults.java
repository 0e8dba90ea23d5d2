package org.roundtable.benchmarks;

import static org.roundtable.benchmarks.ProgrammeLatencies.cell;
import static org.roundtable.benchmarks.ProgrammeLatencies.fmt;
import static org.roundtable.benchmarks.ProgrammeLatencies.median;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The programmes benchmark's findings as Markdown: per-round medians with their spread, and the targets' verdicts. */
final class ProgrammeResults {

    /** Everything from this line on in an existing PROGRAMMES-RESULTS.md is hand-written analysis and is kept. */
    static final String ANALYSIS_MARKER = "<!-- analysis: written by hand, kept when the benchmark rewrites the tables above -->";

    private final List<String> targets = new ArrayList<>();
    private final List<String> latencies = new ArrayList<>();
    private final List<String> build = new ArrayList<>();
    private final List<String> loads = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void load(String when, String average) {
        loads.add(when + ": " + average);
    }

    void step(String what, long nanos) {
        build.add("| " + what + " | " + String.format(Locale.ROOT, "%.1f s", nanos / 1e9) + " |");
    }

    void rate(String what, double value, String unit) {
        build.add("| " + what + " | " + fmt(value) + " " + unit + " |");
    }

    void single(String what, ProgrammeLatencies samples, String comment) {
        latencies.add("| " + what + " | " + fmt(samples.p50()) + " ms | " + fmt(samples.p99()) + " ms | " + fmt(samples.max())
                + " ms | " + comment + "; " + samples.count() + " registers, one sample |");
    }

    void note(String text) {
        notes.add(text);
    }

    void reportRow(String what, List<ProgrammeLatencies> rounds, String shape) {
        latencies.add("| report of " + what + " | " + cell(p50(rounds), " ms") + " | " + cell(p99(rounds), " ms") + " | "
                + cell(max(rounds), " ms") + " | " + shape + " |");
    }

    void registerRows(List<ProgrammeLatencies> service, List<ProgrammeLatencies> fromSchedule, String shape, int late) {
        int samples = service.stream().mapToInt(ProgrammeLatencies::count).sum();
        latencies.add("| 40-person register (`POST /api/sessions`, 8 families + 16 people), service time | "
                + cell(p50(service), " ms") + " | " + cell(p99(service), " ms") + " | " + cell(max(service), " ms") + " | "
                + shape + "; " + samples + " registers |");
        latencies.add("| same registers, latency from the tick each was due (includes waiting for a late predecessor) | "
                + cell(p50(fromSchedule), " ms") + " | " + cell(p99(fromSchedule), " ms") + " | " + cell(max(fromSchedule), " ms")
                + " | " + late + " of " + samples + " sent more than a tenth of an interval late |");
        double[] ratios = service.stream().mapToDouble(run -> run.p99() / run.p50()).toArray();
        targets.add(verdictRow("40-person register under steady load: p99 ÷ p50 (per run; " + shape + ")",
                cell(p99(service), " ms"), cell(p50(service), " ms"), median(ratios), ratios, 3.0));
    }

    void decomposition(ProgrammeLatencies command, ProgrammeLatencies lag, String shape) {
        latencies.add("| where a register's time goes: the `HoldSession` command alone (aggregate, rules, ledger append) | "
                + fmt(command.p50()) + " ms | " + fmt(command.p99()) + " ms | " + fmt(command.max()) + " ms | " + shape
                + "; " + command.count() + " registers, one sample |");
        latencies.add("| … then until the session's read model shows it (polled every 1 ms) | " + fmt(lag.p50()) + " ms | "
                + fmt(lag.p99()) + " ms | " + fmt(lag.max()) + " ms | same registers |");
    }

    /**
     * A latency ratio (lower is better) with a target it must not exceed; per-round ratios pair round i with round i
     * and give the spread, the headline is median(numerator) ÷ median(denominator).
     */
    void ratio(String what, double[] numerator, double[] denominator, boolean alternating, double target) {
        int n = Math.min(numerator.length, denominator.length);
        double[] perRound = new double[n];
        for (int i = 0; i < n; i++) {
            perRound[i] = numerator[i] / denominator[i];
        }
        targets.add(verdictRow(what + (alternating ? "" : " (round i against round i)"), cell(numerator, " ms"),
                cell(denominator, " ms"), median(numerator) / median(denominator), perRound, target));
    }

    private static String verdictRow(String what, String numerator, String denominator, double ratio, double[] spread,
                                     double target) {
        String verdict = ratio <= target ? "met (≤ " + fmt(target) + ")"
                : "MISSED by " + fmt((ratio / target - 1) * 100) + " % (" + String.format(Locale.ROOT, "%.2f", ratio)
                + " against ≤ " + fmt(target) + ")";
        return "| " + what + " | " + numerator + " | " + denominator + " | **" + fmt(ratio) + "** ("
                + fmt(ProgrammeLatencies.min(spread)) + "–" + fmt(ProgrammeLatencies.max(spread)) + ") | " + verdict + " |";
    }

    String markdown(String header) {
        StringBuilder text = new StringBuilder(header);
        text.append("- Load average (1/5/15 min) of this shared machine: ").append(String.join("; ", loads)).append('\n');
        text.append("- Latency = from sending the request to having read the whole response, on the client.")
                .append(" Percentiles are nearest-rank within a round; each cell is the median over the rounds with min–max.\n");
        text.append("\n## Targets\n\n| measurement | numerator (median, min–max) | denominator (median, min–max) | ratio (min–max per round) | target |\n");
        text.append("|---|---|---|---|---|\n");
        targets.forEach(row -> text.append(row).append('\n'));
        text.append("\n## Latencies\n\n| measurement | p50 | p99 | max | shape |\n|---|---|---|---|---|\n");
        latencies.forEach(row -> text.append(row).append('\n'));
        text.append("\n## Building the data set\n\n| step | time or rate |\n|---|---|\n");
        build.forEach(row -> text.append(row).append('\n'));
        if (!notes.isEmpty()) {
            text.append('\n');
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
        }
        return text.toString();
    }

    /** Writes the tables and keeps any hand-written analysis below {@link #ANALYSIS_MARKER}. */
    static void write(Path file, String markdown) {
        try {
            String analysis = "";
            if (Files.exists(file)) {
                String existing = Files.readString(file);
                int at = existing.indexOf(ANALYSIS_MARKER);
                if (at >= 0) {
                    analysis = existing.substring(at);
                }
            }
            Files.writeString(file, analysis.isEmpty() ? markdown : markdown + "\n" + analysis);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] p50(List<ProgrammeLatencies> rounds) {
        return rounds.stream().mapToDouble(ProgrammeLatencies::p50).toArray();
    }

    private static double[] p99(List<ProgrammeLatencies> rounds) {
        return rounds.stream().mapToDouble(ProgrammeLatencies::p99).toArray();
    }

    private static double[] max(List<ProgrammeLatencies> rounds) {
        return rounds.stream().mapToDouble(ProgrammeLatencies::max).toArray();
    }
}
