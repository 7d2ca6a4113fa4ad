package org.parley.reports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.api.PublicIds;
import org.parley.audit.AuditTree;
import org.parley.charts.BarChart;
import org.parley.charts.Histogram;
import org.parley.charts.TimeSeries;
import org.parley.registry.PersonFilter;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard ({@code /dashboard}): the figures of the reader's view as charts drawn by the server (SVG, the
 * Okabe–Ito palette), each with its numbers as a table, a "how is this counted" link to the figure's page
 * (definition, the records counted, the checkpoint) and its numbers as CSV. Unfiltered: the API takes filters.
 */
@Controller
@HtmlPages
class DashboardPagesController {

    static final int RECORDS_SHOWN = 100;
    private static final List<String> BAR_DIMENSIONS = List.of("status", "combatant", "category", "branch",
            "rankGroup", "healthState", "seriouslyIllOrWounded");

    /** A chart of the page: one of the three kinds, its table rows, and where its figure is explained. */
    record Chart(String id, String title, BarChart bars, Histogram histogram, TimeSeries series, List<String> columns,
            List<List<String>> rows, String figureUrl, String csvUrl) {
    }

    /** A figure's block: its title, value and charts. */
    record Block(Figure figure, String title, List<Chart> charts) {
    }

    private final FiguresService figures;
    private final AuditTree tree;
    private final PublicIds publicIds;
    private final MessageSource messages;

    DashboardPagesController(FiguresService figures, AuditTree tree, PublicIds publicIds, MessageSource messages) {
        this.figures = figures;
        this.tree = tree;
        this.publicIds = publicIds;
        this.messages = messages;
    }

    @GetMapping("/dashboard")
    String dashboard(Locale locale, Model model) {
        Caller caller = Callers.require();
        List<Figure> all = figures.all(caller, PersonFilter.none());
        List<Block> blocks = new ArrayList<>();
        for (Figure f : all) {
            blocks.add(new Block(f, msg("figures.title." + f.id(), locale), charts(f, locale)));
        }
        model.addAttribute("blocks", blocks);
        model.addAttribute("asOf", all.isEmpty() ? null : all.get(0).asOf());
        return "reports/dashboard";
    }

    @GetMapping("/dashboard/figures/{id}")
    String figure(@PathVariable String id, Locale locale, Model model) {
        Caller caller = Callers.require();
        FigureCatalog.Entry entry = figures.entry(caller, id);
        Figure figure = figures.inSnapshot(() -> figures.compute(caller, entry, PersonFilter.none(), figures.asOf()));
        List<Long> ids = figures.inSnapshot(() -> figures.ids(caller, entry, PersonFilter.none(), 0, RECORDS_SHOWN));
        model.addAttribute("figure", figure);
        model.addAttribute("title", msg("figures.title." + id, locale));
        model.addAttribute("explanation", msg("figures.definition." + id, locale));
        model.addAttribute("records", ids.stream().map(p -> publicIds.of(PublicIds.Kind.PERSON, p)).toList());
        // the signed checkpoint that covers the moment the figure was computed (signed now if none does yet)
        model.addAttribute("checkpoint", figure.asOf().treeSize() == 0 ? ""
                : tree.covering(figure.asOf().treeSize() - 1).note(tree.publicKey()));
        return "reports/figure";
    }

    @GetMapping("/dashboard/figures/{id}/breakdown.csv")
    void csv(@PathVariable String id, HttpServletResponse response) throws IOException {
        Caller caller = Callers.require();
        FigureCatalog.Entry entry = figures.entry(caller, id);
        Figure figure = figures.inSnapshot(() -> figures.compute(caller, entry, PersonFilter.none(), figures.asOf()));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"figure-" + id + ".csv\"");
        try (CSVPrinter csv = new CSVPrinter(response.getWriter(), CSVFormat.RFC4180.builder()
                .setHeader("figure", "dimension", "value", "count").get())) {
            csv.printRecord(id, "", "", figure.value());
            for (Map.Entry<String, Object> d : figure.breakdown().entrySet()) {
                print(csv, id, d.getKey(), "", d.getValue());
            }
        }
    }

    private static void print(CSVPrinter csv, String id, String dimension, String prefix, Object value)
            throws IOException {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                print(csv, id, dimension, prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + " · " + e.getKey(),
                        e.getValue());
            }
        } else {
            csv.printRecord(id, dimension, prefix, value);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Chart> charts(Figure f, Locale locale) {
        List<Chart> charts = new ArrayList<>();
        String figureUrl = "/dashboard/figures/" + f.id();
        String csvUrl = figureUrl + "/breakdown.csv";
        int colour = 0;
        if (f.id().equals(FigureCatalog.WISHES)) {
            List<String> statuses = org.parley.wishes.WishFigures.STATED;
            List<String> series = statuses.stream().map(s -> msg("wishStatus." + s, locale)).toList();
            for (String dimension : List.of("rankGroup", "branch")) {
                Map<String, Map<String, Long>> table = (Map<String, Map<String, Long>>) f.breakdown().get(dimension);
                List<BarChart.Group> groups = new ArrayList<>();
                List<List<String>> rows = new ArrayList<>();
                table.forEach((value, counts) -> {
                    List<Long> numbers = statuses.stream().map(s -> counts.getOrDefault(s, 0L)).toList();
                    String label = label(dimension, value, locale);
                    groups.add(new BarChart.Group(label, numbers));
                    List<String> row = new ArrayList<>(List.of(label));
                    numbers.forEach(n -> row.add(String.valueOf(n)));
                    rows.add(row);
                });
                String title = msg("figures.dimension." + dimension, locale);
                List<String> columns = new ArrayList<>(List.of(title));
                columns.addAll(series);
                charts.add(new Chart(f.id() + "-" + dimension, title, BarChart.grouped(f.id() + "-" + dimension, title,
                        series, groups), null, null, columns, rows, figureUrl, csvUrl));
            }
            return charts;
        }
        if (f.id().equals(FigureCatalog.EXCHANGED)) {
            Map<String, Map<String, Object>> rounds = (Map<String, Map<String, Object>>) f.breakdown().get("rounds");
            List<String> labels = new ArrayList<>();
            List<Long> agreed = new ArrayList<>();
            List<Long> transferred = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            rounds.values().forEach(r -> {
                String label = String.valueOf(r.get("agreedAt")).substring(0, 10);
                labels.add(label);
                agreed.add((Long) r.get("agreed"));
                transferred.add((Long) r.get("transferred"));
                rows.add(List.of(label + " · " + r.get("title"), String.valueOf(r.get("agreed")),
                        String.valueOf(r.get("transferred"))));
            });
            List<String> series = List.of(msg("figures.agreed", locale), msg("figures.transferred", locale));
            String title = msg("figures.dimension.rounds", locale);
            charts.add(new Chart(f.id() + "-rounds", title, null, null, TimeSeries.of(f.id() + "-rounds", title, labels,
                    series, List.of(agreed, transferred)), List.of(title, series.get(0), series.get(1)), rows,
                    figureUrl, csvUrl));
            return charts;
        }
        if (f.id().equals(FigureCatalog.LEFT_OFF)) {
            return leftOffCharts(f, locale, figureUrl, csvUrl);
        }
        for (String dimension : BAR_DIMENSIONS) {
            Map<String, Long> counts = (Map<String, Long>) f.breakdown().get(dimension);
            List<BarChart.Value> values = new ArrayList<>();
            counts.forEach((value, n) -> values.add(new BarChart.Value(label(dimension, value, locale), n)));
            String title = msg("figures.dimension." + dimension, locale);
            charts.add(new Chart(f.id() + "-" + dimension, title, BarChart.of(f.id() + "-" + dimension, title,
                    colour++, values), null, null, List.of(title, msg("figures.persons", locale)),
                    values.stream().map(v -> List.of(v.label(), String.valueOf(v.value()))).toList(), figureUrl,
                    csvUrl));
        }
        Map<String, Long> buckets = (Map<String, Long>) f.breakdown().get("timeInCaptivity");
        List<BarChart.Value> values = new ArrayList<>();
        buckets.forEach((b, n) -> values.add(new BarChart.Value(msg("figures.captivity." + b, locale), n)));
        String title = msg("figures.dimension.timeInCaptivity", locale);
        charts.add(new Chart(f.id() + "-timeInCaptivity", title, null, Histogram.of(f.id() + "-timeInCaptivity",
                title, 2, values), null, List.of(title, msg("figures.persons", locale)),
                values.stream().map(v -> List.of(v.label(), String.valueOf(v.value()))).toList(), figureUrl, csvUrl));
        return charts;
    }

    /** "Left off": a bar per list of each open round (persons left off), and the persons by removal reason. */
    @SuppressWarnings("unchecked")
    private List<Chart> leftOffCharts(Figure f, Locale locale, String figureUrl, String csvUrl) {
        List<BarChart.Value> lists = new ArrayList<>();
        Map<String, Map<String, Object>> rounds = (Map<String, Map<String, Object>>) f.breakdown().get("rounds");
        rounds.values().forEach(round -> ((Map<String, Map<String, Object>>) round.get("lists")).forEach((key, l) -> {
            String[] partyAndKind = key.split("/");
            String label = messages.getMessage("figures.leftOff.list", new Object[] {round.get("title"),
                    partyAndKind[0], msg("listKind." + partyAndKind[1], locale)}, locale);
            lists.add(new BarChart.Value(label, (Long) l.get("persons")));
        }));
        List<BarChart.Value> reasons = new ArrayList<>();
        ((Map<String, Long>) f.breakdown().get("removalReason")).forEach((reason, n) -> reasons.add(
                new BarChart.Value(reason.equals(org.parley.exchange.ExchangeFigures.NEVER_LISTED)
                        ? msg("figures.leftOff.neverListed", locale) : label("removalReason", reason, locale), n)));
        List<Chart> charts = new ArrayList<>();
        int colour = 0;
        for (Map.Entry<String, List<BarChart.Value>> chart : Map.of("lists", lists, "removalReason", reasons)
                .entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            String id = f.id() + "-" + chart.getKey();
            String title = msg("figures.leftOff." + chart.getKey(), locale);
            charts.add(new Chart(id, title, BarChart.of(id, title, colour++, chart.getValue()), null, null,
                    List.of(title, msg("figures.persons", locale)), chart.getValue().stream()
                            .map(v -> List.of(v.label(), String.valueOf(v.value()))).toList(), figureUrl, csvUrl));
        }
        return charts;
    }

    /** A value of a dimension in the reader's language; the value itself where no message names it. */
    private String label(String dimension, String value, Locale locale) {
        String key = switch (dimension) {
            case "combatant" -> "figures.combatant." + value;
            case "seriouslyIllOrWounded" -> "figures.yesNo." + value;
            default -> dimension + "." + value;
        };
        return value.equals("UNKNOWN") ? msg("figures.unknown", locale) : messages.getMessage(key, null, value, locale);
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

}
