package org.parley.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** A frozen report as its PDF shows it: the head, and each figure with its breakdown as rows of label and number. */
record ReportView(String id, String title, String author, String organisation, String createdAt, String filters,
        long treeSize, String rootHash, String checkpoint, List<FigureView> figures) {

    record FigureView(String id, String title, long value, String definition, List<Row> rows) {
    }

    /** One line of a breakdown: the dimension, the value (nested keys joined by " · ") and its number. */
    record Row(String dimension, String label, String number) {
    }

    static ReportView of(JsonNode report) {
        List<FigureView> figures = new ArrayList<>();
        for (JsonNode f : report.path("figures")) {
            List<Row> rows = new ArrayList<>();
            for (Map.Entry<String, JsonNode> d : f.path("breakdown").properties()) {
                flatten(d.getKey(), "", d.getValue(), rows);
            }
            figures.add(new FigureView(f.path("id").asString(""), f.path("title").asString(""),
                    f.path("value").asLong(), f.path("definition").asString(""), rows));
        }
        List<String> filters = new ArrayList<>();
        report.path("filters").properties().forEach(e -> filters.add(e.getKey() + "=" + e.getValue().asString("")));
        return new ReportView(report.path("id").asString(""), report.path("title").asString(""),
                report.path("author").asString(""), report.path("organisation").asString(""),
                report.path("createdAt").asString(""), String.join(", ", filters),
                report.path("asOf").path("treeSize").asLong(), report.path("asOf").path("rootHash").asString(""),
                report.path("checkpoint").asString(""), figures);
    }

    private static void flatten(String dimension, String prefix, JsonNode value, List<Row> rows) {
        if (value.isObject()) {
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                flatten(dimension, prefix.isEmpty() ? e.getKey() : prefix + " · " + e.getKey(), e.getValue(), rows);
            }
        } else {
            rows.add(new Row(dimension, prefix, value.asString("")));
        }
    }
}
