package org.parley.interchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The fixture files of the import tests: those checked in, and those written here (binary or in other encodings). */
final class ImportFixtures {

    private ImportFixtures() {
    }

    /** A fixture file under src/test/resources/interchange/. */
    static Path file(String name) {
        try {
            return Path.of(ImportFixtures.class.getResource("/interchange/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A workbook as people make them: a title merged across the table above the header, a header cell merged over
     * two columns' width, a date cell, a formula (its cached value), an empty row, trailing spaces; and a second sheet
     * of events.
     */
    static Path workbook(Path dir, String prefix) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet persons = workbook.createSheet("Persons");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            persons.createRow(0).createCell(0).setCellValue("Список військовополонених");
            persons.addMergedRegion(new CellRangeAddress(0, 0, 0, 5));
            Row header = persons.createRow(1);
            List<String> names = List.of("Прізвище", "Ім'я", "Дата народження", "Номер", "Звання", "Рік");
            for (int i = 0; i < names.size(); i++) {
                header.createCell(i).setCellValue(names.get(i));
            }
            Row first = persons.createRow(2);
            first.createCell(0).setCellValue("Савченко ");
            first.createCell(1).setCellValue("Петро");
            Cell born = first.createCell(2);
            born.setCellValue(LocalDate.of(1992, 4, 5));
            born.setCellStyle(dateStyle);
            first.createCell(3).setCellFormula("\"" + prefix + "\"&\"-0001\"");
            first.createCell(4).setCellValue("солдат");
            first.createCell(5).setCellValue(1992);
            // row 4 is empty
            Row second = persons.createRow(4);
            second.createCell(0).setCellValue("Гончаренко");
            second.createCell(1).setCellValue("Юрій");
            second.createCell(2).setCellValue("1990");
            second.createCell(3).setCellValue(prefix + "-0002");
            Sheet events = workbook.createSheet("Events");
            Row eventHeader = events.createRow(0);
            List<String> eventNames = List.of("prisoner_number", "type", "occurred_on", "place");
            for (int i = 0; i < eventNames.size(); i++) {
                eventHeader.createCell(i).setCellValue(eventNames.get(i));
            }
            Row event = events.createRow(1);
            event.createCell(0).setCellValue(prefix + "-0001");
            event.createCell(1).setCellValue("INTERNED");
            Cell on = event.createCell(2);
            on.setCellValue(LocalDate.of(2024, 6, 1));
            on.setCellStyle(dateStyle);
            event.createCell(3).setCellValue("Табір 3");
            workbook.setForceFormulaRecalculation(false);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            Path file = dir.resolve(prefix + ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
