package org.parley.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.parley.registry.PartialDate;
import org.parley.registry.Person;

/**
 * XLSX through POI's streaming {@link SXSSFWorkbook}: only the last rows stay in memory, the others go to a
 * compressed temporary file until the workbook is written out. The columns of the CSV; dates (and full dates of
 * birth) as date cells, partial dates and everything else as text cells — never a formula, so nothing a person
 * typed is ever run. A list longer than a sheet holds (1,048,575 rows under the heading) goes on in another sheet.
 */
final class ExportXlsxWriter implements ExportWriter {

    private static final int ROWS_IN_MEMORY = 100;
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    private final List<ExportColumns.Column> columns;
    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
    private final CellStyle dateStyle;
    private final CellStyle headingStyle;
    private Sheet sheet;
    private int nextRow;

    ExportXlsxWriter(List<ExportColumns.Column> columns, OutputStream out) {
        this.columns = columns;
        this.out = out;
        workbook.setCompressTempFiles(true);
        dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        headingStyle = workbook.createCellStyle();
        var bold = workbook.createFont();
        bold.setBold(true);
        headingStyle.setFont(bold);
        newSheet();
    }

    private void newSheet() {
        int number = workbook.getNumberOfSheets() + 1;
        sheet = workbook.createSheet(number == 1 ? "persons" : "persons " + number);
        Row heading = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = heading.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(headingStyle);
        }
        sheet.createFreezePane(0, 1);
        nextRow = 1;
    }

    @Override
    public void write(List<Person> persons) {
        for (Person person : persons) {
            if (nextRow == MAX_ROWS) {
                newSheet();
            }
            Row row = sheet.createRow(nextRow++);
            for (int i = 0; i < columns.size(); i++) {
                Object value = columns.get(i).value().apply(person);
                if (value != null) {
                    write(row.createCell(i), value);
                }
            }
        }
    }

    private void write(Cell cell, Object value) {
        LocalDate date = value instanceof LocalDate d ? d
                : value instanceof PartialDate p && p.day() != null ? p.earliest() : null;
        if (date != null) {
            cell.setCellValue(date);
            cell.setCellStyle(dateStyle);
        } else if (value instanceof Boolean b) {
            cell.setCellValue(b);
        } else {
            cell.setCellValue(value.toString());
        }
    }

    @Override
    public void finish() throws IOException {
        try (workbook) {
            workbook.write(out);
            out.flush();
        }
    }
}
