package org.parley.interchange;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads a sheet of an Excel workbook (.xlsx) row by row with POI's streaming reader ({@link XSSFReader} and
 * {@link XSSFSheetXMLHandler}): the sheet is never loaded whole. Formulas give their saved values (never evaluated);
 * date cells come as YYYY-MM-DD; whole numbers without ".0". A merged cell has its text in its first cell only, as
 * the file stores it (see {@link ImportColumns} for merged titles above the header).
 */
final class ImportWorkbook {

    private ImportWorkbook() {
    }

    static int sheetCount(Path path) {
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            int count = 0;
            while (sheets.hasNext()) {
                sheets.next().close();
                count++;
            }
            return count;
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** Reads the sheet at {@code index} (0 is the first), calling the sink with each row. */
    static void read(Path path, int index, ImportRowSink sink) {
        try (OPCPackage pkg = OPCPackage.open(path.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            for (int i = 0; sheets.hasNext(); i++) {
                try (InputStream sheet = sheets.next()) {
                    if (i == index) {
                        XMLReader parser = XMLHelper.newXMLReader();
                        parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, new Rows(sink),
                                new PlainValues(), false));
                        parser.parse(new InputSource(sheet));
                        return;
                    }
                }
            }
        } catch (StopReading stop) {
            // the sink has what it wanted
        } catch (ImportFileException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | javax.xml.parsers.ParserConfigurationException
                | RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static ImportFileException unreadable(Exception e) {
        return new ImportFileException("the file is not an Excel workbook that can be read (" + e.getClass()
                .getSimpleName() + "): save it again as .xlsx or as CSV UTF-8", e);
    }

    /** Stops the SAX parser when the sink has enough. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }

    /** Gathers the cells of each row (absent cells as "") and hands the row on. */
    private static final class Rows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final ImportRowSink sink;
        private final List<String> cells = new ArrayList<>();

        Rows(ImportRowSink sink) {
            this.sink = sink;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!sink.row(rowNum + 1L, List.copyOf(cells))) {
                throw new StopReading();
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /** Dates as YYYY-MM-DD and numbers as plain decimals, whatever the cell's display format. */
    private static final class PlainValues extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            if (value == Math.rint(value) && Math.abs(value) < 1e15) {
                return Long.toString((long) value);
            }
            return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
        }
    }
}
