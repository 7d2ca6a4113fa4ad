package org.parley.bench;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Draws how each figure grows with the registry (README, "Growth") as one log-log SVG: persons on the x axis, the
 * figure in seconds on the y axis, a line per figure. On such axes a cost that grows in proportion to the registry
 * rises by one decade per decade (the dotted guide), one that does not grow stays flat. Input: a CSV with the
 * columns {@code figure,persons,seconds}, one row per measurement. Plain SVG, no library.
 *
 * <pre>
 * java -cp bench/target/parley-bench.jar org.parley.bench.GrowthPlot docs/growth/growth.csv docs/growth/growth.svg
 * </pre>
 */
public final class GrowthPlot {

    private static final int WIDTH = 820;
    private static final int HEIGHT = 460;
    private static final int LEFT = 60;
    private static final int RIGHT = 290;
    private static final int TOP = 40;
    private static final int BOTTOM = 40;
    /** Okabe–Ito colours, as the app's charts use, and black. */
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9",
        "#F0E442", "#000000"};

    private GrowthPlot() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                lines.computeIfAbsent(r.get("figure"), f -> new ArrayList<>()).add(new double[] {
                    Double.parseDouble(r.get("persons")), Double.parseDouble(r.get("seconds"))});
            }
        }
        Path svg = Path.of(args[1]);
        Files.createDirectories(svg.toAbsolutePath().getParent());
        Files.writeString(svg, draw(lines), StandardCharsets.UTF_8);
    }

    static String draw(Map<String, List<double[]>> lines) {
        List<double[]> all = lines.values().stream().flatMap(List::stream).toList();
        double xFrom = Math.floor(Math.log10(all.stream().mapToDouble(p -> p[0]).min().orElse(1)));
        double xTo = Math.ceil(Math.log10(all.stream().mapToDouble(p -> p[0]).max().orElse(10)));
        double yFrom = Math.floor(Math.log10(all.stream().mapToDouble(p -> p[1]).min().orElse(0.01)));
        double yTo = Math.ceil(Math.log10(all.stream().mapToDouble(p -> p[1]).max().orElse(1)));
        xTo = Math.max(xTo, xFrom + 1);
        yTo = Math.max(yTo, yFrom + 1);
        Axes axes = new Axes(xFrom, xTo, yFrom, yTo);
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        out.append(String.format("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"));
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">"
                + "Cost by registry size (log-log; seconds)</text>%n", LEFT));
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, TOP, axes.width(), axes.height()));
        for (double decade = yFrom; decade <= yTo; decade++) {
            double y = axes.y(Math.pow(10, decade));
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, LEFT + axes.width(), y, y,
                    LEFT - 4, y + 4, number(Math.pow(10, decade))));
        }
        for (double decade = xFrom; decade <= xTo; decade++) {
            double x = axes.x(Math.pow(10, decade));
            out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x, x, TOP, TOP + axes.height(),
                    x, TOP + axes.height() + 14, number(Math.pow(10, decade))));
        }
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">persons</text>%n",
                LEFT + axes.width() / 2, HEIGHT - 8));
        // the guide of proportional growth, through the lower left corner
        out.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\" "
                + "stroke-dasharray=\"3 3\"/>%n", axes.x(Math.pow(10, xFrom)), axes.y(Math.pow(10, yFrom)),
                axes.x(Math.pow(10, Math.min(xTo, xFrom + yTo - yFrom))),
                axes.y(Math.pow(10, yFrom + Math.min(xTo - xFrom, yTo - yFrom)))));
        int colour = 0;
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            String stroke = COLOURS[colour % COLOURS.length];
            // once the colours are used up, the lines that repeat one are dashed
            String dash = colour < COLOURS.length ? "" : " stroke-dasharray=\"6 3\"";
            StringBuilder points = new StringBuilder();
            for (double[] p : line.getValue()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", axes.x(p[0]), axes.y(p[1])));
                out.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        axes.x(p[0]), axes.y(p[1]), stroke));
            }
            out.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\"%s "
                    + "points=\"%s\"/>%n", stroke, dash, points.toString().trim()));
            int legendY = TOP + 12 + 16 * colour;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"%s/><text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + axes.width() + 8,
                    LEFT + axes.width() + 24, legendY, legendY, stroke, dash, LEFT + axes.width() + 28, legendY + 4,
                    escape(line.getKey())));
            colour++;
        }
        out.append("</svg>\n");
        return out.toString();
    }

    /** Decades shown on each axis, and where a value falls on the drawing. */
    private record Axes(double xFrom, double xTo, double yFrom, double yTo) {

        int width() {
            return WIDTH - LEFT - RIGHT;
        }

        int height() {
            return HEIGHT - TOP - BOTTOM;
        }

        double x(double persons) {
            return LEFT + width() * (Math.log10(persons) - xFrom) / (xTo - xFrom);
        }

        double y(double seconds) {
            return TOP + height() - height() * (Math.log10(seconds) - yFrom) / (yTo - yFrom);
        }
    }

    private static String number(double value) {
        return value >= 1_000_000 ? String.format(Locale.ROOT, "%.0fM", value / 1_000_000)
                : value >= 1_000 ? String.format(Locale.ROOT, "%.0fk", value / 1_000)
                : value >= 1 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%s", Double.toString(value));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
