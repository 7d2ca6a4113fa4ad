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
 * Draws the CSV of a {@link MixedLoadRun} as one SVG of three panels over the run's time: the server's heap (used, and
 * the old generation after the latest collection), its connections (pool active and idle, PostgreSQL backends), and
 * each kind's p95 latency. Plain polylines, no library.
 *
 * <pre>
 * java -cp bench/target/parley-bench.jar org.parley.bench.SoakPlot /tmp/soak.csv docs/soak/soak.svg "title"
 * </pre>
 */
public final class SoakPlot {

    private static final int WIDTH = 760;
    private static final int PANEL = 190;
    private static final int LEFT = 60;
    private static final int RIGHT = 150;
    private static final int TOP = 40;
    private static final int GAP = 50;
    /** Okabe–Ito colours, as the app's charts use. */
    private static final String[] COLOURS = {"#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9"};

    private SoakPlot() {
    }

    public static void main(String[] args) throws Exception {
        Path csv = Path.of(args[0]);
        Path svg = Path.of(args[1]);
        String title = args.length > 2 ? args[2] : csv.getFileName().toString();
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            records = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
        List<CSVRecord> all = records.stream().filter(r -> r.get("kind").equals("all")).toList();
        Map<String, List<double[]>> heap = new LinkedHashMap<>();
        heap.put("heap used (MB)", series(all, "heap_used_mb"));
        heap.put("old gen (MB)", series(all, "old_gen_mb"));
        heap.put("old gen after GC (MB)", series(all, "heap_after_gc_mb"));
        Map<String, List<double[]>> connections = new LinkedHashMap<>();
        connections.put("pool active", series(all, "pool_active"));
        connections.put("pool idle", series(all, "pool_idle"));
        connections.put("PostgreSQL backends", series(all, "pg_backends"));
        Map<String, List<double[]>> latency = new LinkedHashMap<>();
        for (String kind : List.of("read", "search", "list", "write", "all")) {
            List<CSVRecord> of = records.stream().filter(r -> r.get("kind").equals(kind)).toList();
            if (!of.isEmpty()) {
                latency.put(kind + " p95 (ms)", series(of, "p95_ms"));
            }
        }
        double end = all.isEmpty() ? 1 : Double.parseDouble(all.get(all.size() - 1).get("to_s"));
        StringBuilder out = new StringBuilder();
        int height = TOP + 3 * (PANEL + GAP);
        out.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, height, WIDTH, height));
        out.append(String.format("<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n"));
        out.append(String.format("<text x=\"%d\" y=\"20\" font-size=\"13\" font-weight=\"bold\">%s</text>%n", LEFT,
                escape(title)));
        panel(out, TOP, "Heap", heap, end);
        panel(out, TOP + PANEL + GAP, "Connections", connections, end);
        panel(out, TOP + 2 * (PANEL + GAP), "Latency p95 per window", latency, end);
        out.append("</svg>\n");
        Files.createDirectories(svg.toAbsolutePath().getParent());
        Files.writeString(svg, out, StandardCharsets.UTF_8);
    }

    /** Points (window end in seconds, value) of a column; empty cells, and columns an older CSV lacks, are left out. */
    private static List<double[]> series(List<CSVRecord> rows, String column) {
        List<double[]> points = new ArrayList<>();
        for (CSVRecord r : rows) {
            if (!r.isMapped(column)) {
                continue;
            }
            String value = r.get(column);
            if (!value.isEmpty() && !value.equals("NaN")) {
                points.add(new double[] {Double.parseDouble(r.get("to_s")), Double.parseDouble(value)});
            }
        }
        return points;
    }

    private static void panel(StringBuilder out, int top, String title, Map<String, List<double[]>> lines,
            double end) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        double max = lines.values().stream().flatMap(List::stream).mapToDouble(p -> p[1]).max().orElse(1);
        max = niceCeiling(max);
        out.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">%s</text>%n", LEFT,
                top - 8, escape(title)));
        out.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#999\"/>%n", LEFT, top, plotWidth, PANEL));
        for (int i = 0; i <= 4; i++) {
            double y = top + PANEL - PANEL * i / 4.0;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, LEFT + plotWidth, y, y,
                    LEFT - 4, y + 4, label(max * i / 4)));
        }
        for (int i = 0; i <= 5; i++) {
            double x = LEFT + plotWidth * i / 5.0;
            out.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", x,
                    top + PANEL + 14, label(end * i / 5 / 60) + (i == 5 ? " min" : "")));
        }
        int colour = 0;
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            if (line.getValue().isEmpty()) {
                continue;
            }
            String stroke = COLOURS[colour % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : line.getValue()) {
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + plotWidth * p[0] / end,
                        top + PANEL - PANEL * p[1] / max));
            }
            out.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\" "
                    + "points=\"%s\"/>%n", stroke, points.toString().trim()));
            int legendY = top + 12 + 16 * colour;
            out.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotWidth + 8,
                    LEFT + plotWidth + 24, legendY, legendY, stroke, LEFT + plotWidth + 28, legendY + 4,
                    escape(line.getKey())));
            colour++;
        }
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (value <= step * magnitude) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String label(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
