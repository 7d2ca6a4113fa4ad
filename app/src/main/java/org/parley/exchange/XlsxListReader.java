package org.parley.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipCollection;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an Excel workbook (.xlsx, also .xlsm) as a stream of rows, with Apache POI's package
 * reader and SAX handlers of its own: only the parts it needs are unpacked, as they are read, and only the
 * values of the known columns are kept. Formulas are never evaluated: their saved result is the value. Numbers
 * come out as typed (a service number 123456789012 stays that, with no ".0" or exponent); a number with a date
 * format is a date.
 *
 * <p>Hostile files: POI's {@link ZipSecureFile} refuses a part that unpacks to more than {@link #MAX_PART_BYTES}
 * or far more than it is packed to (a "zip bomb"); a cell keeps at most {@link ListFileReader#MAX_CELL_LENGTH} + 1
 * characters; the reading stops at the entry past the limit; XML is parsed with POI's safe parser (no DTDs or
 * external entities). A damaged, encrypted or other kind of file gives one error, never an exception.
 */
final class XlsxListReader {

    /** The most one part of the workbook (a sheet, the shared strings) may unpack to. */
    static final long MAX_PART_BYTES = 100L * 1024 * 1024;
    /** The cells of one row past this column (XFD, Excel's last) are not read. */
    private static final int MAX_COLUMNS = 16_384;
    private static final String[] RELATIONSHIP_BASES = {
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/",
            "http://purl.oclc.org/ooxml/officeDocument/relationships/"};

    private static final String SAVE_AS = "; save it as an Excel workbook (.xlsx) or as CSV UTF-8 and try again";

    static {
        // Process-wide settings of POI; only made stricter, never looser than another user of POI set them.
        if (ZipSecureFile.getMaxEntrySize() > MAX_PART_BYTES) {
            ZipSecureFile.setMaxEntrySize(MAX_PART_BYTES);
        }
        if (ZipSecureFile.getMinInflateRatio() < 0.01) {
            ZipSecureFile.setMinInflateRatio(0.01);
        }
    }

    private XlsxListReader() {
    }

    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K'
                && (content[2] == 3 && content[3] == 4 || content[2] == 5 && content[3] == 6);
    }

    static boolean isOle2(byte[] content) {
        byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    /** An OLE2 file: an encrypted (password-protected) OOXML workbook, or an old Excel file. */
    static ListFile readOle2(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            if (fs.getRoot().hasEntry("EncryptedPackage")) {
                return ListBuilder.refused("the workbook is protected with a password (encrypted); save it again "
                        + "without a password and try again");
            }
            if (fs.getRoot().hasEntry("Workbook") || fs.getRoot().hasEntry("Book")) {
                return ListBuilder.refused("this is an Excel 97-2003 workbook (.xls)" + SAVE_AS);
            }
            return ListBuilder.refused("this is an Office 97-2003 file but not a workbook" + SAVE_AS);
        } catch (IOException | RuntimeException e) {
            return ListBuilder.refused("the file cannot be read: it is damaged or incomplete" + SAVE_AS);
        }
    }

    static ListFile read(byte[] content, int maxEntries) {
        if (isOpenDocument(content)) {
            return ListBuilder.refused("this is an OpenDocument spreadsheet (.ods)" + SAVE_AS);
        }
        // A file gives the package random access: the parts are unpacked one at a time, as they are read,
        // through POI's ZipSecureFile, which holds each to the limits. (OPCPackage.open(File) would fall back to
        // unpacking every entry into memory when the ZIP's central directory is damaged.) Failing to write it is
        // the server's trouble, not the file's: that is thrown.
        Path file;
        try {
            file = Files.createTempFile("parley-list-", ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary file to read a workbook", e);
        }
        try {
            try {
                Files.write(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write a temporary file to read a workbook", e);
            }
            return read(file, maxEntries);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the system's cleaning removes it
            }
        }
    }

    private static ListFile read(Path file, int maxEntries) {
        ZipSecureFile zip = null;
        OPCPackage pkg = null;
        try {
            zip = new ZipSecureFile(file.toFile());
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
            return read(pkg, maxEntries);
        } catch (ListBuilder.TooManyEntries e) {
            return tooMany(maxEntries);
        } catch (SAXException e) {
            if (e.getException() instanceof ListBuilder.TooManyEntries) {
                return tooMany(maxEntries);
            }
            return unreadable(e);
        } catch (Exception e) {
            return unreadable(e);
        } finally {
            if (pkg != null) {
                pkg.revert();
            }
            if (zip != null) {
                try {
                    zip.close();
                } catch (IOException ignored) {
                    // closing a file only read
                }
            }
        }
    }

    static ListFile tooMany(int maxEntries) {
        return ListBuilder.refused(String.format(java.util.Locale.ROOT,
                "the list has more than %,d entries, the most one list may hold; split it into several lists",
                maxEntries));
    }

    private static ListFile unreadable(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Zip bomb") || message.contains(ZipSecureFile.MAX_FILE_COUNT_MSG)) {
                return ListBuilder.refused(String.format(java.util.Locale.ROOT, "the file unpacks to far more data "
                        + "than a list of persons holds (a part over %,d MB, or packed suspiciously tightly); it was "
                        + "not read", MAX_PART_BYTES / 1024 / 1024));
            }
        }
        return ListBuilder.refused("the file cannot be read as an Excel workbook (.xlsx): it is damaged or "
                + "incomplete" + SAVE_AS);
    }

    /** An OpenDocument file starts with an unpacked entry "mimetype" naming its kind. */
    private static boolean isOpenDocument(byte[] content) {
        String start = new String(content, 0, Math.min(content.length, 120), StandardCharsets.ISO_8859_1);
        return start.startsWith("mimetype", 30) && start.contains("application/vnd.oasis.opendocument");
    }

    private static ListFile read(OPCPackage pkg, int maxEntries) throws Exception {
        PackagePart workbook = null;
        for (String base : RELATIONSHIP_BASES) {
            PackageRelationshipCollection core = pkg.getRelationshipsByType(base + "officeDocument");
            if (!core.isEmpty()) {
                workbook = pkg.getPart(core.getRelationship(0));
                break;
            }
        }
        if (workbook == null) {
            return ListBuilder.refused("the file is a ZIP archive, not an Excel workbook (.xlsx)" + SAVE_AS);
        }
        String type = workbook.getContentType();
        if (type.contains("binary")) {
            return ListBuilder.refused("this is an Excel binary workbook (.xlsb)" + SAVE_AS);
        }
        if (!type.contains("spreadsheetml.sheet.main") && !type.contains("spreadsheetml.template.main")
                && !type.contains("ms-excel.sheet.macroEnabled.main")
                && !type.contains("ms-excel.template.macroEnabled.main")) {
            return ListBuilder.refused("the file is an Office document, not an Excel workbook (.xlsx)" + SAVE_AS);
        }
        WorkbookHandler book = new WorkbookHandler();
        parse(workbook, book);
        if (book.firstSheet == null) {
            return ListBuilder.refused("the workbook has no sheet");
        }
        PackagePart sheet = workbook.getRelatedPart(workbook.getRelationship(book.firstSheet));
        if (sheet == null || !sheet.getContentType().contains("worksheet")) {
            return ListBuilder.refused("the first sheet of the workbook holds no table (a chart?); put the list "
                    + "on the first sheet");
        }
        SharedStringsHandler strings = new SharedStringsHandler();
        PackagePart stringsPart = related(workbook, "sharedStrings");
        if (stringsPart != null) {
            parse(stringsPart, strings);
        }
        StylesHandler styles = new StylesHandler();
        PackagePart stylesPart = related(workbook, "styles");
        if (stylesPart != null) {
            parse(stylesPart, styles);
        }
        ListBuilder list = new ListBuilder(true, maxEntries);
        SheetHandler rows = new SheetHandler(list, strings.strings, styles.dateStyles(), book.date1904);
        try {
            parse(sheet, rows);
        } catch (StopReading e) {
            return list.result();
        } catch (SAXException e) {
            if (!(e.getException() instanceof StopReading)) {
                throw e;
            }
            return list.result();
        }
        if (!rows.headerSeen) {
            return ListBuilder.refused("the first sheet is empty; its first row must name the columns, e.g. "
                    + "surname, given_name, patronymic, full_name, person_id");
        }
        return list.result();
    }

    /** Thrown by the sheet handler when the header shows the sheet is no list: the parser stops there. */
    private static final class StopReading extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StopReading() {
            super(null, null, false, false);
        }
    }

    private static PackagePart related(PackagePart from, String relation) throws InvalidFormatException {
        for (String base : RELATIONSHIP_BASES) {
            PackageRelationshipCollection found = from.getRelationshipsByType(base + relation);
            if (!found.isEmpty()) {
                return from.getRelatedPart(found.getRelationship(0));
            }
        }
        return null;
    }

    private static void parse(PackagePart part, DefaultHandler handler)
            throws IOException, SAXException, ParserConfigurationException {
        XMLReader reader = XMLHelper.newXMLReader();
        reader.setContentHandler(handler);
        try (InputStream in = part.getInputStream()) {
            reader.parse(new InputSource(in));
        }
    }

    private static String name(String localName, String qName) {
        if (localName != null && !localName.isEmpty()) {
            return localName;
        }
        int colon = qName.indexOf(':');
        return colon < 0 ? qName : qName.substring(colon + 1);
    }

    /** Text of an element, kept up to one character past the cell length limit. */
    private static void append(StringBuilder text, char[] ch, int start, int length) {
        int room = ListFileReader.MAX_CELL_LENGTH + 1 - text.length();
        if (room > 0) {
            text.append(ch, start, Math.min(room, length));
        }
    }

    /** workbook.xml: the first sheet's relationship id and the date system. */
    private static final class WorkbookHandler extends DefaultHandler {
        String firstSheet;
        boolean date1904;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (name(localName, qName)) {
                case "workbookPr" -> {
                    String value = attributes.getValue("date1904");
                    date1904 = "1".equals(value) || "true".equals(value);
                }
                case "sheet" -> {
                    if (firstSheet == null) {
                        for (int i = 0; i < attributes.getLength(); i++) {
                            if ("id".equals(attributes.getLocalName(i)) && !attributes.getURI(i).isEmpty()) {
                                firstSheet = attributes.getValue(i);
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
    }

    /** sharedStrings.xml: each string's text (rich text runs joined, phonetic guides left out). */
    private static final class SharedStringsHandler extends DefaultHandler {
        final List<String> strings = new ArrayList<>();
        private StringBuilder text;
        private boolean inText;
        private int phonetic;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (name(localName, qName)) {
                case "si" -> text = new StringBuilder();
                case "rPh" -> phonetic++;
                case "t" -> inText = text != null && phonetic == 0;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (name(localName, qName)) {
                case "si" -> {
                    strings.add(text.toString());
                    text = null;
                }
                case "rPh" -> phonetic--;
                case "t" -> inText = false;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inText) {
                append(text, ch, start, length);
            }
        }
    }

    /** styles.xml: which cell formats (by index) show a number as a date. */
    private static final class StylesHandler extends DefaultHandler {
        private final Map<Integer, String> formats = new HashMap<>();
        private final List<Integer> cellFormats = new ArrayList<>();
        private boolean inCellXfs;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (name(localName, qName)) {
                case "numFmt" -> {
                    Integer id = integer(attributes.getValue("numFmtId"));
                    if (id != null && attributes.getValue("formatCode") != null) {
                        formats.put(id, attributes.getValue("formatCode"));
                    }
                }
                case "cellXfs" -> inCellXfs = true;
                case "xf" -> {
                    if (inCellXfs) {
                        Integer id = integer(attributes.getValue("numFmtId"));
                        cellFormats.add(id == null ? 0 : id);
                    }
                }
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (name(localName, qName).equals("cellXfs")) {
                inCellXfs = false;
            }
        }

        boolean[] dateStyles() {
            boolean[] dates = new boolean[cellFormats.size()];
            for (int i = 0; i < dates.length; i++) {
                int id = cellFormats.get(i);
                String format = formats.containsKey(id) ? formats.get(id)
                        : id < BuiltinFormats.FIRST_USER_DEFINED_FORMAT_INDEX ? BuiltinFormats.getBuiltinFormat(id)
                        : null;
                dates[i] = DateUtil.isADateFormat(id, format);
            }
            return dates;
        }
    }

    /** The sheet, row by row, to the list builder: the first row with a value is the header. */
    private static final class SheetHandler extends DefaultHandler {
        private final ListBuilder list;
        private final List<String> strings;
        private final boolean[] dateStyles;
        private final boolean date1904;

        boolean headerSeen;
        private boolean stopped;
        private int rowNumber;
        private String[] cells = new String[16];
        private String[] problems;
        private int width;

        private int column;
        private String type;
        private int style;
        private boolean formula;
        private boolean hasValue;
        private final StringBuilder value = new StringBuilder();
        private final StringBuilder inline = new StringBuilder();
        private boolean inValue;
        private boolean inInline;
        private boolean inText;
        private int phonetic;

        SheetHandler(ListBuilder list, List<String> strings, boolean[] dateStyles, boolean date1904) {
            this.list = list;
            this.strings = strings;
            this.dateStyles = dateStyles;
            this.date1904 = date1904;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            if (stopped) {
                return;
            }
            switch (name(localName, qName)) {
                case "row" -> {
                    Integer r = integer(attributes.getValue("r"));
                    rowNumber = r != null && r > 0 ? r : rowNumber + 1;
                    Arrays.fill(cells, 0, width, null);
                    problems = null;
                    width = 0;
                    column = -1;
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : columnOf(ref);
                    type = attributes.getValue("t");
                    Integer s = integer(attributes.getValue("s"));
                    style = s == null ? 0 : s;
                    formula = false;
                    hasValue = false;
                    value.setLength(0);
                    inline.setLength(0);
                }
                case "v" -> {
                    inValue = true;
                    hasValue = true;
                }
                case "f" -> formula = true;
                case "is" -> inInline = true;
                case "t" -> inText = inInline;
                case "rPh" -> phonetic++;
                default -> {
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (stopped) {
                return;
            }
            switch (name(localName, qName)) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "is" -> inInline = false;
                case "rPh" -> phonetic--;
                case "c" -> endCell();
                case "row" -> endRow();
                case "sheetData" -> stopped = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                append(value, ch, start, length);
            } else if (inText && phonetic == 0) {
                append(inline, ch, start, length);
            }
        }

        private void endCell() {
            if (column < 0 || column >= MAX_COLUMNS) {
                return;
            }
            String text = null;
            String problem = null;
            String v = value.toString();
            if ("inlineStr".equals(type)) {
                text = inline.toString();
            } else if (formula && !hasValue) {
                problem = "is a formula whose result is not saved in the file: open the file in a spreadsheet "
                        + "program and save it, or paste the values only";
            } else if ("s".equals(type)) {
                Integer index = integer(v.strip());
                if (index == null || index < 0 || index >= strings.size()) {
                    problem = "refers to a text that is not in the file (the file is damaged)";
                } else {
                    text = strings.get(index);
                }
            } else if ("str".equals(type)) {
                text = v;
            } else if ("b".equals(type)) {
                text = v.strip().equals("1") ? "TRUE" : "FALSE";
            } else if ("e".equals(type)) {
                problem = "the cell shows the error " + ListBuilder.shown(v);
            } else if ("d".equals(type)) {
                String iso = v.strip();
                text = iso.matches("\\d{4}-\\d{2}-\\d{2}(T.*)?") ? iso.substring(0, 10) : iso;
            } else if (hasValue && !v.isBlank()) {
                text = number(v.strip());
            }
            if (text == null && problem == null) {
                return;
            }
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.min(MAX_COLUMNS, Math.max(column + 1, cells.length * 2)));
            }
            cells[column] = text;
            if (problem != null) {
                if (problems == null || problems.length < cells.length) {
                    problems = problems == null ? new String[cells.length] : Arrays.copyOf(problems, cells.length);
                }
                problems[column] = problem;
            }
            width = Math.max(width, column + 1);
        }

        private String number(String raw) {
            double number;
            BigDecimal decimal;
            try {
                decimal = new BigDecimal(raw);
                number = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                return raw;
            }
            if (style >= 0 && style < dateStyles.length && dateStyles[style] && DateUtil.isValidExcelDate(number)) {
                return DateUtil.getLocalDateTime(number, date1904).toLocalDate().toString();
            }
            // An id typed as a number (a service number) comes out as typed: no ".0", no exponent; a number
            // whose plain form would be absurdly long stays as the file wrote it.
            BigDecimal plain = decimal.stripTrailingZeros();
            if (plain.scale() < -40 || plain.scale() > 40) {
                return raw;
            }
            return plain.toPlainString();
        }

        private void endRow() {
            String[] rowCells = Arrays.copyOf(cells, width);
            if (!headerSeen) {
                List<String> names = new ArrayList<>();
                boolean any = false;
                for (String cell : rowCells) {
                    names.add(cell == null ? "" : cell);
                    any |= cell != null && !cell.isBlank();
                }
                if (!any) {
                    return;
                }
                headerSeen = true;
                if (!list.header(rowNumber, names)) {
                    throw new StopReading();
                }
                return;
            }
            list.row(rowNumber, rowCells, problems, false);
        }

        /** The column (0-based) of a reference such as "AB12"; -1 when it has no letters. */
        private static int columnOf(String ref) {
            int column = 0;
            int i = 0;
            for (; i < ref.length() && i < 4; i++) {
                char c = Character.toUpperCase(ref.charAt(i));
                if (c < 'A' || c > 'Z') {
                    break;
                }
                column = column * 26 + (c - 'A' + 1);
            }
            return i == 0 ? -1 : column - 1;
        }
    }

    private static Integer integer(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
