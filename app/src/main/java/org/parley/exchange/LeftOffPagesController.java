package org.parley.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.api.Caller;
import org.parley.api.Callers;
import org.parley.api.HtmlPages;
import org.parley.charts.BarChart;
import org.parley.registry.PersonField;
import org.parley.web.PageNumbers;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page of who was left off a list of a round: the figures, a bar chart per dimension (category, rank group,
 * branch, …) and the persons, a page at a time, as the reader may see them. A round the reader's organisation takes
 * no part in is not found.
 */
@Controller
@HtmlPages
class LeftOffPagesController {

    static final int PERSONS_PAGE = 50;

    /** The dimensions of "left off", in the order the page shows them. */
    static final List<String> DIMENSIONS = List.of("category", "rankGroup", "branch", "healthState",
            "seriouslyIllOrWounded", "captivityYears", "wishStatus", "removalReason");
    private static final List<String> YEARS = List.of("<1", "1-2", "2-3", "3+", "UNKNOWN");

    private final ExchangeService exchanges;
    private final LeftOffService leftOff;
    private final MessageSource messages;
    private final ExchangePages pages;

    LeftOffPagesController(ExchangeService exchanges, LeftOffService leftOff, MessageSource messages,
            ExchangePages pages) {
        this.exchanges = exchanges;
        this.leftOff = leftOff;
        this.messages = messages;
        this.pages = pages;
    }

    /** A person left off, as the reader may see them. */
    record LeftOffRow(ExchangeViews.Record person, String category, String rankGroup, boolean removed,
            String removalReason) {
    }

    /** A choice of list on the left-off page. */
    record ListChoice(String label, String url, boolean current) {
    }

    @GetMapping("/exchanges/{id}/left-off")
    String leftOff(@PathVariable String id, @RequestParam Map<String, String> parameters, Locale locale,
            Model model) {
        Caller caller = Callers.require();
        ExchangeViews views = pages.views(locale);
        ExchangeService.RoundView round = exchanges.get(caller, id);
        Round r = round.round();
        String party = parameters.get("party");
        if (party == null) {
            party = r.isParty(caller.organisation()) ? caller.organisation() : r.firstParty();
        }
        ListKind kind = parameters.get("kind") == null ? ListKind.REQUEST : ExchangePages.kind(parameters.get("kind"));
        int page = PageNumbers.of(parameters.get("page"));
        LeftOffService.Figure figure = leftOff.figure(caller, id, party, kind, page - 1, PERSONS_PAGE);
        List<BarChart> charts = new ArrayList<>();
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            String dimension = DIMENSIONS.get(i);
            Map<String, Long> values = figure.breakdown().getOrDefault(dimension, Map.of());
            List<BarChart.Value> bars = values.entrySet().stream()
                    .map(e -> new BarChart.Value(valueLabel(dimension, e.getKey(), views), e.getValue()))
                    .toList();
            if (dimension.equals("captivityYears")) {
                bars = values.keySet().stream().sorted(Comparator.comparingInt(YEARS::indexOf))
                        .map(k -> new BarChart.Value(valueLabel(dimension, k, views), values.get(k))).toList();
            } else {
                bars = bars.stream().sorted(Comparator.comparingLong(BarChart.Value::value).reversed()
                        .thenComparing(BarChart.Value::label)).toList();
            }
            charts.add(BarChart.of("chart-" + dimension, views.msg("leftOff.dimension." + dimension), i, bars));
        }
        String finalParty = party;
        List<LeftOffRow> rows = figure.items().stream().map(item -> new LeftOffRow(views.person(item.person()),
                enumText("category", item.person().get(PersonField.CATEGORY), views),
                enumText("rankGroup", item.person().get(PersonField.RANK_GROUP), views), item.removed(),
                item.removalReason() == null ? null : valueLabel("removalReason", item.removalReason(), views)))
                .toList();
        List<ListChoice> choices = new ArrayList<>();
        for (String p : r.parties()) {
            for (ListKind k : ListKind.values()) {
                choices.add(new ListChoice(views.msg("list.name", views.kind(k), views.organisation(p)),
                        ExchangePages.leftOffUrl(id, p, k), p.equals(finalParty) && k == kind));
            }
        }
        model.addAttribute("round", views.head(round));
        model.addAttribute("choices", choices);
        model.addAttribute("listName", views.msg("list.name", views.kind(kind), views.organisation(party)));
        model.addAttribute("explain", views.msg(kind == ListKind.REQUEST ? "leftOff.explain.request"
                : "leftOff.explain.offer", views.organisation(party), views.organisation(r.other(party))));
        model.addAttribute("figure", figure);
        model.addAttribute("charts", charts);
        model.addAttribute("rows", rows);
        String base = ExchangePages.leftOffUrl(id, party, kind);
        model.addAttribute("pagination", ExchangeViews.pagination(figure.total(), page, PERSONS_PAGE, rows.size(),
                p -> base + "&page=" + p));
        return "exchange/left-off";
    }

    private static String enumText(String prefix, Object value, ExchangeViews views) {
        return value instanceof Enum<?> constant ? views.label(prefix, constant) : null;
    }

    /** A value of a breakdown dimension in words. */
    private String valueLabel(String dimension, String value, ExchangeViews views) {
        if (value.equals("UNKNOWN")) {
            return views.msg("leftOff.unknown");
        }
        String key = switch (dimension) {
            case "seriouslyIllOrWounded" -> "true".equals(value) ? "common.yes" : "common.no";
            case "captivityYears" -> "leftOff.years." + switch (value) {
                case "<1" -> "under1";
                case "1-2" -> "1to2";
                case "2-3" -> "2to3";
                default -> "3plus";
            };
            case "wishStatus" -> "leftOff.wish." + value;
            default -> dimension + "." + value;
        };
        return messages.getMessage(key, null, value, views.locale());
    }
}
