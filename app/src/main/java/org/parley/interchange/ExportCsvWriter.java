package org.parley.interchange;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.parley.api.FormulaNeutraliser;
import org.parley.registry.Person;

/**
 * CSV (RFC 4180, commons-csv) in UTF-8 with a byte order mark, which Excel needs to read UTF-8; every cell that a
 * spreadsheet would run as a formula gets a leading {@code '} ({@link FormulaNeutraliser}).
 */
final class ExportCsvWriter implements ExportWriter {

    private final List<ExportColumns.Column> columns;
    private final BufferedWriter text;
    private final CSVPrinter csv;

    ExportCsvWriter(List<ExportColumns.Column> columns, OutputStream out) throws IOException {
        this.columns = columns;
        this.text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        text.write('\uFEFF');
        this.csv = new CSVPrinter(text, CSVFormat.RFC4180);
        csv.printRecord(columns.stream().map(ExportColumns.Column::header).toList());
    }

    @Override
    public void write(List<Person> persons) throws IOException {
        List<String> cells = new ArrayList<>(columns.size());
        for (Person person : persons) {
            cells.clear();
            for (ExportColumns.Column column : columns) {
                Object value = column.value().apply(person);
                cells.add(value == null ? null : FormulaNeutraliser.neutralise(value.toString()));
            }
            csv.printRecord(cells);
        }
    }

    @Override
    public void finish() throws IOException {
        csv.flush();
        text.flush();
    }
}
