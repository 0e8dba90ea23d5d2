package org.roundtable.server.ui.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart: one bar per label, an optional target marker per bar. Geometry is computed
 * here so the template only places rectangles and text; every figure is also in the chart's table
 * (the {@code ui/charts :: bars} fragment renders both), so nothing is only visible as a shape.
 *
 * @param title   accessible name of the chart (already localised)
 * @param bars    the bars with their computed geometry
 * @param width   drawing width in SVG units
 * @param height  drawing height in SVG units
 */
public record BarChart(String title, List<Bar> bars, int width, int height, int labelWidth) {

    static final int ROW = 34;
    static final int BAR = 22;
    static final int WIDTH = 640;
    static final int LABEL = 200;
    static final int VALUE_ROOM = 70;

    /** One input row: a label, a value and, where there is one, the target to compare it with. */
    public record Entry(String label, double value, Double target, String valueText, String targetText) {

        public static Entry of(String label, double value, Double target) {
            return new Entry(label, value, target, format(value), target == null ? null : format(target));
        }

        private static String format(double number) {
            return number == Math.rint(number) ? String.valueOf((long) number) : String.format(java.util.Locale.ROOT, "%.1f", number);
        }
    }

    /** A drawn bar: its row's y, the bar's width, the target marker's x (or -1), and whether it is met. */
    public record Bar(Entry entry, int y, int barWidth, int targetX, boolean met) {

        public int textY() {
            return y + BAR - 6;
        }

        public int valueX() {
            return LABEL + barWidth + 6;
        }

        public boolean hasTarget() {
            return targetX >= 0;
        }
    }

    public static BarChart of(String title, List<Entry> entries) {
        double max = 0;
        for (Entry entry : entries) {
            max = Math.max(max, entry.value());
            if (entry.target() != null) {
                max = Math.max(max, entry.target());
            }
        }
        double scale = max <= 0 ? 0 : (WIDTH - LABEL - VALUE_ROOM) / max;
        List<Bar> bars = new ArrayList<>();
        int y = 6;
        for (Entry entry : entries) {
            int width = (int) Math.round(entry.value() * scale);
            int targetX = entry.target() == null ? -1 : LABEL + (int) Math.round(entry.target() * scale);
            boolean met = entry.target() == null || entry.value() >= entry.target();
            bars.add(new Bar(entry, y, Math.max(width, entry.value() > 0 ? 1 : 0), targetX, met));
            y += ROW;
        }
        return new BarChart(title, List.copyOf(bars), WIDTH, y + 6, LABEL);
    }

    public int barHeight() {
        return BAR;
    }

    public boolean hasTargets() {
        return bars.stream().anyMatch(Bar::hasTarget);
    }
}
