package org.parley.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * Values of several series over time, drawn by the server as SVG: one line per series through a marker at each
 * point, the points in time order and evenly spaced (one per event, e.g. per exchange round), their labels below.
 * Series differ in colour (the Okabe–Ito palette's first members) and in marker shape (circle, square, …), and a
 * legend names them, so that the chart reads without colour; the page adds the numbers as a table.
 */
public record TimeSeries(String id, String title, int width, int height, List<String> labels, List<Line> lines,
        List<Tick> ticks, int baseline) {

    private static final int HEIGHT = 220;
    private static final int TOP = 30;
    private static final int LEFT = 40;
    private static final int RIGHT = 20;
    private static final int LABEL_SPACE = 34;

    /** One series: its name, colour, marker shape, points and the SVG path through them. */
    public record Line(String name, String colour, boolean square, List<Point> points, String path, int legendX) {
    }

    /** One value of a series at a point in time. */
    public record Point(String label, long value, int x, int y) {
    }

    /** A label under the axis. */
    public record Tick(String label, int x) {
    }

    /** {@code values.get(s).get(i)} is series s at the time labelled {@code labels.get(i)}. */
    public static TimeSeries of(String id, String title, List<String> labels, List<String> series,
            List<List<Long>> values) {
        int width = BarChart.WIDTH;
        int baseline = HEIGHT - LABEL_SPACE;
        long max = values.stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(0);
        int n = labels.size();
        int step = n <= 1 ? 0 : (width - LEFT - RIGHT) / (n - 1);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ticks.add(new Tick(labels.get(i), LEFT + i * step));
        }
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            List<Point> points = new ArrayList<>();
            StringBuilder path = new StringBuilder();
            for (int i = 0; i < n; i++) {
                long v = values.get(s).get(i);
                int x = LEFT + i * step;
                int y = max == 0 ? baseline : baseline - (int) Math.round((double) v * (baseline - TOP) / max);
                points.add(new Point(labels.get(i), v, x, y));
                path.append(i == 0 ? "M" : " L").append(x).append(' ').append(y);
            }
            lines.add(new Line(series.get(s), BarChart.PALETTE.get(s % BarChart.PALETTE.size()), s % 2 == 1, points,
                    path.toString(), LEFT + s * 160));
        }
        return new TimeSeries(id, title, width, HEIGHT, labels, lines, ticks, baseline);
    }
}
