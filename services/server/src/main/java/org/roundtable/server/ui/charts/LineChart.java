package org.roundtable.server.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A line over time (reach per month, say): points in order, with the value axis starting at zero.
 * As with {@link BarChart}, the fragment also renders every point in a table.
 */
public record LineChart(String title, List<Point> points, String polyline, int width, int height, long max) {

    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 40;
    static final int RIGHT = 16;
    static final int TOP = 16;
    static final int BOTTOM = 40;

    public record Entry(String label, long value) {
    }

    /** A drawn point; {@code labelled} is true for the points whose label fits under the axis. */
    public record Point(Entry entry, int x, int y, boolean labelled) {
    }

    public static LineChart of(String title, List<Entry> entries) {
        long max = entries.stream().mapToLong(Entry::value).max().orElse(0);
        long top = Math.max(1, max);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        int every = Math.max(1, (int) Math.ceil(entries.size() / 8.0));
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            int x = LEFT + (entries.size() == 1 ? plotWidth / 2 : (int) Math.round((double) i * plotWidth / (entries.size() - 1)));
            int y = TOP + plotHeight - (int) Math.round((double) entries.get(i).value() * plotHeight / top);
            points.add(new Point(entries.get(i), x, y, i % every == 0 || i == entries.size() - 1));
        }
        String polyline = points.stream().map(point -> point.x() + "," + point.y()).collect(Collectors.joining(" "));
        return new LineChart(title, List.copyOf(points), polyline, WIDTH, HEIGHT, max);
    }

    public int axisY() {
        return HEIGHT - BOTTOM;
    }

    public int axisLeft() {
        return LEFT;
    }

    public int axisRight() {
        return WIDTH - RIGHT;
    }

    public int labelY() {
        return HEIGHT - BOTTOM + 18;
    }

    public int top() {
        return TOP;
    }
}
