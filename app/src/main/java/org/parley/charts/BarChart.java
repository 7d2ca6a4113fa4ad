package org.parley.charts;

import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart drawn by the server as SVG (no script, no chart library): each bar with its label above
 * it and its number after it, so that the chart reads without colour; the page puts the same numbers in a table
 * beside it. Colours come from the Okabe–Ito palette (distinguishable with every common colour-vision deficiency),
 * its darker members only, outlined, so that bars keep a 3:1 contrast against the white ground.
 */
public record BarChart(String id, String title, int width, int height, String colour, List<Bar> bars, long total) {

    /** Okabe–Ito: blue, vermillion, bluish green, reddish purple, orange, sky blue. */
    public static final List<String> PALETTE = List.of("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00",
            "#56B4E9");

    public static final int WIDTH = 480;
    private static final int ROW = 44;
    private static final int LABEL_HEIGHT = 16;
    private static final int BAR_HEIGHT = 18;
    private static final int NUMBER_SPACE = 64;
    private static final int TOP = 4;

    /** One value: its label, its number, its colour and where the template draws them. */
    public record Bar(String label, long value, String percent, int labelY, int barY, int barWidth, int valueX,
            int valueY, String fill) {
    }

    /** A value before layout. */
    public record Value(String label, long value) {
    }

    /** Values of several series for one label (agreed and transferred of a category). */
    public record Group(String label, List<Long> values) {
    }

    public static BarChart of(String id, String title, int colourIndex, List<Value> values) {
        String colour = PALETTE.get(Math.floorMod(colourIndex, PALETTE.size()));
        return layout(id, title, colour, values, values.stream().map(v -> colour).toList());
    }

    /**
     * Several series side by side: under each group a bar per series, labelled "group · series" so that the chart
     * reads without colour; the series also differ in colour (the palette's first members, in order).
     */
    public static BarChart grouped(String id, String title, List<String> series, List<Group> groups) {
        List<Value> values = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        for (Group g : groups) {
            for (int s = 0; s < series.size(); s++) {
                values.add(new Value(g.label() + " · " + series.get(s), g.values().get(s)));
                fills.add(PALETTE.get(s % PALETTE.size()));
            }
        }
        return layout(id, title, PALETTE.get(0), values, fills);
    }

    private static BarChart layout(String id, String title, String colour, List<Value> values, List<String> fills) {
        long max = values.stream().mapToLong(Value::value).max().orElse(0);
        long total = values.stream().mapToLong(Value::value).sum();
        int span = WIDTH - NUMBER_SPACE;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Value v = values.get(i);
            int top = TOP + i * ROW;
            int barWidth = max == 0 ? 0 : (int) Math.max(v.value() > 0 ? 2 : 0, Math.round((double) v.value()
                    * span / max));
            String percent = total == 0 ? "0" : String.valueOf(Math.round(100.0 * v.value() / total));
            bars.add(new Bar(v.label(), v.value(), percent, top + LABEL_HEIGHT - 4, top + LABEL_HEIGHT,
                    barWidth, barWidth + 6, top + LABEL_HEIGHT + BAR_HEIGHT - 5, fills.get(i)));
        }
        int height = Math.max(ROW, TOP + values.size() * ROW);
        return new BarChart(id, title, WIDTH, height, colour, bars, total);
    }

    public int barHeight() {
        return BAR_HEIGHT;
    }
}
