package org.parley.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.parley.api.Caller;
import org.parley.charts.BarChart;
import org.parley.print.PdfRenderer;
import org.parley.registry.Person;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agreement and the report as people read them, on their pages and printed ({@code agreement.pdf},
 * {@code report.pdf}: A4 through {@link PdfRenderer}, names in both scripts, hashes and signatures in full): the
 * model both are drawn from, built from the JSON documents the API answers.
 */
@Component
class ExchangeDocuments {

    private final ExchangeService exchanges;
    private final AgreementService agreements;
    private final HandoverService handovers;
    private final ExchangePages pages;
    private final PdfRenderer pdf;

    ExchangeDocuments(ExchangeService exchanges, AgreementService agreements, HandoverService handovers,
            ExchangePages pages, PdfRenderer pdf) {
        this.exchanges = exchanges;
        this.agreements = agreements;
        this.handovers = handovers;
        this.pages = pages;
        this.pdf = pdf;
    }

    /** A person of the agreement, with the facts checked at the handover. */
    record AgreedPerson(Integer priority, String personId, boolean linked, String name, String latin,
            String dateOfBirth, String rank, String serviceNumber, String prisonerNumber, boolean counted) {
    }

    /** What one party releases under the agreement. */
    record AgreedSide(String party, String name, List<AgreedPerson> persons, int released, int counted,
            int outside) {
    }

    /** A signed approval as the document gives it. */
    record SignedApproval(String organisation, String name, boolean witness, String by, String at, String hash,
            String signature, long auditSeq) {
    }

    /** The agreement's facts for its page and its print. */
    Map<String, Object> agreementModel(Caller caller, ExchangeService.RoundView round, ObjectNode agreement,
            ExchangeViews views) {
        Map<String, Object> model = new LinkedHashMap<>();
        ExchangeListDocument document = ExchangeListDocument.fromJson(agreement.get("exchangeList"));
        List<String> ids = new ArrayList<>();
        document.releases().values().forEach(items -> items.forEach(i -> ids.add(i.personId())));
        Map<String, Person> visible = pages.visibleByPublicId(caller, ids);
        List<AgreedSide> sides = new ArrayList<>();
        for (String party : round.round().parties()) {
            List<AgreedPerson> persons = document.releases().getOrDefault(party, List.of()).stream().map(i ->
                    new AgreedPerson(i.priority(), i.personId(), visible.containsKey(i.personId()),
                            i.identity().name(), i.identity().latin(), i.identity().dateOfBirth(), i.identity().rank(),
                            i.identity().serviceNumber(), i.identity().prisonerNumber(), i.countedInBalance()))
                    .toList();
            ExchangeListDocument.Counts c = document.counts().get(party);
            sides.add(new AgreedSide(party, views.organisation(party), persons, c == null ? persons.size()
                    : c.released(), c == null ? 0 : c.countedInBalance(), c == null ? 0 : c.outsideBalance()));
        }
        List<SignedApproval> approvals = new ArrayList<>();
        for (JsonNode a : agreement.get("approvals")) {
            String organisation = a.get("organisation").asString();
            approvals.add(new SignedApproval(organisation, views.organisation(organisation),
                    ApprovalSignature.WITNESS.equals(a.get("role").asString()), a.get("approvedBy").asString(),
                    ExchangeViews.time(java.time.Instant.parse(a.get("approvedAt").asString())),
                    a.get("versionHash").asString(), a.get("signature").asString(), a.get("auditSeq").asLong()));
        }
        JsonNode roundNode = agreement.get("round");
        model.put("round", views.head(round));
        model.put("version", document.version());
        model.put("agreedAt", ExchangeViews.time(java.time.Instant.parse(roundNode.get("agreedAt")
                .asString())));
        model.put("hash", agreement.get("versionHash").asString());
        model.put("sides", sides);
        model.put("approvals", approvals);
        model.put("publicKey", agreement.get("publicKey").asString());
        model.put("checkpoint", agreement.get("checkpoint").asString());
        return model;
    }

    /** The agreement printed; 409 (as the API) before there is one. */
    byte[] agreementPdf(Caller caller, String id, Locale locale) {
        ExchangeService.RoundView round = exchanges.get(caller, id);
        ExchangeViews views = pages.views(locale);
        Map<String, Object> model = agreementModel(caller, round, agreements.agreement(caller, id), views);
        model.put("roundId", id);
        return pdf.render("exchange/agreement-print", model, locale);
    }

    /** One side's figures in the report. */
    record ReportSide(String party, String name, long agreed, long transferred, long didNotAppear, long declined,
            long art110Agreed, long art110Transferred) {
    }

    /** A row of a chart's table: agreed, transferred and the share transferred. */
    record ChartRow(String label, long agreed, long transferred, String share) {
    }

    /** A chart with the table of its numbers. */
    record ReportChart(BarChart chart, List<ChartRow> rows) {

        /** A value's bar as a percentage of the longest (the printed report draws its bars as boxes). */
        public int width(long value) {
            long max = rows.stream().mapToLong(r -> Math.max(r.agreed(), r.transferred())).max().orElse(0);
            return max == 0 ? 0 : (int) Math.round(100.0 * value / max);
        }
    }

    /** A person who did not appear or declined. */
    record OutcomeRow(String personId, String side, String name, String latin, String note) {
    }

    /** The report's figures, charts and lists for its page and its print. */
    Map<String, Object> reportModel(ExchangeService.RoundView view, ObjectNode report, ExchangeViews views) {
        Map<String, Object> model = new LinkedHashMap<>();
        Round round = view.round();
        String agreed = views.msg("report.agreed");
        String transferred = views.msg("report.transferred");
        List<String> series = List.of(agreed, transferred);
        List<ReportSide> sides = new ArrayList<>();
        List<Map.Entry<String, long[]>> bySide = new ArrayList<>();
        List<Map.Entry<String, long[]>> art110 = new ArrayList<>();
        List<ReportChart> sideCharts = new ArrayList<>();
        JsonNode sideNodes = report.get("sides");
        for (String party : round.parties()) {
            JsonNode s = sideNodes.get(party);
            if (s == null) {
                continue;
            }
            String name = views.organisation(party);
            JsonNode sick = s.get("seriouslyIllOrWounded");
            ReportSide side = new ReportSide(party, name, s.get("agreed").asLong(), s.get("transferred").asLong(),
                    s.get("didNotAppear").asLong(), s.get("declined").asLong(), sick.get("agreed").asLong(),
                    sick.get("transferred").asLong());
            sides.add(side);
            bySide.add(Map.entry(name, new long[] {side.agreed(), side.transferred()}));
            art110.add(Map.entry(name, new long[] {side.art110Agreed(), side.art110Transferred()}));
            sideCharts.add(chart("chart-" + party + "-category", views.msg("report.byCategory", name), series,
                    breakdown(s.get("byCategory"), "category", views)));
            sideCharts.add(chart("chart-" + party + "-rankGroup", views.msg("report.byRankGroup", name), series,
                    breakdown(s.get("byRankGroup"), "rankGroup", views)));
        }
        model.put("round", views.head(view));
        model.put("agreedVersion", report.get("agreedVersion").asInt());
        model.put("executedAt", ExchangeViews.time(java.time.Instant.parse(report.get("executedAt")
                .asString())));
        model.put("sides", sides);
        List<ReportChart> charts = new ArrayList<>();
        charts.add(chart("chart-sides", views.msg("report.bySide"), series, bySide));
        charts.add(chart("chart-art110", views.msg("report.art110"), series, art110));
        charts.addAll(sideCharts);
        model.put("charts", charts);
        model.put("didNotAppear", outcomes(report.get("didNotAppear"), views));
        model.put("declined", outcomes(report.get("declined"), views));
        return model;
    }

    /** The report printed; 404 (as the API) before the handover is completed. */
    byte[] reportPdf(Caller caller, String id, Locale locale) {
        ExchangeService.RoundView view = exchanges.get(caller, id);
        Map<String, Object> model = reportModel(view, handovers.report(caller, id), pages.views(locale));
        model.put("roundId", id);
        return pdf.render("exchange/report-print", model, locale);
    }


    /** A breakdown's values in words, most agreed first. */
    private static List<Map.Entry<String, long[]>> breakdown(JsonNode node, String prefix, ExchangeViews views) {
        List<Map.Entry<String, long[]>> values = new ArrayList<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                values.add(Map.entry(valueLabel(prefix, e.getKey(), views), new long[] {
                    e.getValue().get("agreed").asLong(), e.getValue().get("transferred").asLong()}));
            }
        }
        values.sort((a, b) -> a.getValue()[0] != b.getValue()[0] ? Long.compare(b.getValue()[0], a.getValue()[0])
                : a.getKey().compareTo(b.getKey()));
        return values;
    }

    private static final Set<String> NOT_RECORDED = Set.of("null", "UNKNOWN");

    private static String valueLabel(String prefix, String value, ExchangeViews views) {
        if (NOT_RECORDED.contains(value)) {
            return views.msg("leftOff.unknown");
        }
        return views.msgOr(prefix + "." + value, value);
    }

    private static ReportChart chart(String id, String title, List<String> series,
            List<Map.Entry<String, long[]>> values) {
        List<BarChart.Group> groups = values.stream().map(e -> new BarChart.Group(e.getKey(),
                List.of(e.getValue()[0], e.getValue()[1]))).toList();
        List<ChartRow> rows = values.stream().map(e -> new ChartRow(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[0] == 0 ? "—" : Math.round(100.0 * e.getValue()[1] / e.getValue()[0]) + " %")).toList();
        return new ReportChart(BarChart.grouped(id, title, series, groups), rows);
    }

    private static List<OutcomeRow> outcomes(JsonNode array, ExchangeViews views) {
        List<OutcomeRow> rows = new ArrayList<>();
        if (array != null) {
            for (JsonNode p : array) {
                rows.add(new OutcomeRow(text(p, "personId"), views.organisation(text(p, "side")), text(p, "name"),
                        text(p, "latin"), text(p, "note")));
            }
        }
        return rows;
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asString();
    }
}
