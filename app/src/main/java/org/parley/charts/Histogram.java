package org.parley.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * A histogram drawn by the server as SVG: one vertical bar per bucket, in the buckets' order (time in captivity,
 * shortest first), its number above it and its label below, so that it reads without colour. One colour of the
 * Okabe–Ito palette ({@link BarChart#PALETTE}), outlined.
 */
public record Histogram(String id, String title, int width, int height, String colour, List<Column> columns,
        long total, int baseline) {

    private static final int HEIGHT = 220;
    private static final int TOP = 22;
    private static final int LABEL_SPACE = 34;
    private static final int GAP = 10;

    /** One bucket: its label, number, and where the template draws them. */
    public record Column(String label, long value, String percent, int x, int y, int barWidth, int barHeight,
            int labelX, int labelY, int valueY) {
    }

    public static Histogram of(String id, String title, int colourIndex, List<BarChart.Value> buckets) {
        String colour = BarChart.PALETTE.get(Math.floorMod(colourIndex, BarChart.PALETTE.size()));
        long max = buckets.stream().mapToLong(BarChart.Value::value).max().orElse(0);
        long total = buckets.stream().mapToLong(BarChart.Value::value).sum();
        int width = BarChart.WIDTH;
        int baseline = HEIGHT - LABEL_SPACE;
        int span = baseline - TOP;
        int slot = buckets.isEmpty() ? width : width / buckets.size();
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < buckets.size(); i++) {
            BarChart.Value b = buckets.get(i);
            int barHeight = max == 0 ? 0 : (int) Math.max(b.value() > 0 ? 2 : 0,
                    Math.round((double) b.value() * span / max));
            int x = i * slot + GAP / 2;
            String percent = total == 0 ? "0" : String.valueOf(Math.round(100.0 * b.value() / total));
            columns.add(new Column(b.label(), b.value(), percent, x, baseline - barHeight, slot - GAP, barHeight,
                    x + (slot - GAP) / 2, baseline + 16, baseline - barHeight - 5));
        }
        return new Histogram(id, title, width, HEIGHT, colour, columns, total, baseline);
    }
}
