package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.registry.PartialDate;
import org.parley.registry.PersonField;
import org.parley.registry.Sex;

/** Reading files as they arrive: encodings, separators, quoting, workbooks, headers, dates and names. */
class ImportFileTest {

    private static final String RU_CSV = "Фамилия,Имя,Дата рождения\nСмирнов,Алексей,1990\nЁлкин,Пётр,01.02.1985\n";

    record Read(long line, List<String> cells) {
    }

    private static List<Read> rows(ImportFile file) {
        List<Read> rows = new ArrayList<>();
        file.readPersons((line, cells) -> rows.add(new Read(line, cells)));
        return rows;
    }

    @Test
    void utf8WithBomSemicolonsQuotedLineBreaksAndTrailingSpaces() {
        ImportFile file = ImportFile.open(ImportFixtures.file("persons-uk-semicolon-bom.csv"), null);
        assertThat(file.describe()).isEqualTo("CSV, UTF-8 with a byte order mark, separated by ';'");
        List<Read> rows = rows(file);
        assertThat(rows.get(0).cells().get(0)).isEqualTo("Прізвище");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(1).cells().get(0)).as("spaces around cells go").isEqualTo("Ткаченко");
        assertThat(rows.get(1).cells().get(9)).isEqualTo("м. Суми,\nвул. Шкільна, 5");
        assertThat(rows.get(2).line()).as("after a cell over two lines").isEqualTo(4);
        assertThat(rows.get(4).line()).as("after an empty line").isEqualTo(6);
    }

    @Test
    void tabsAndCommasAreToldFromTheHeader() {
        assertThat(ImportFile.open(ImportFixtures.file("persons-ru-tab.tsv"), null).describe())
                .isEqualTo("CSV, UTF-8, separated by tabs");
        assertThat(ImportFile.open(ImportFixtures.file("persons-en-comma.csv"), null).describe())
                .isEqualTo("CSV, UTF-8, separated by ','");
        assertThat(ImportFile.separator("\"a;b\",c,d\n")).isEqualTo(',');
    }

    @Test
    void utf16WithBomAndWindows1251AreDetected(@TempDir Path dir) {
        byte[] utf16 = ("\uFEFF" + RU_CSV).getBytes(StandardCharsets.UTF_16LE);
        ImportFile sixteen = ImportFile.open(ImportFixtures.write(dir, "u16.csv", utf16), null);
        assertThat(sixteen.describe()).isEqualTo("CSV, UTF-16LE with a byte order mark, separated by ','");
        assertThat(rows(sixteen).get(2).cells()).containsExactly("Ёлкин", "Пётр", "01.02.1985");

        byte[] cp1251 = (RU_CSV + "Їжак,Ґанна,1990\n").getBytes(Charset.forName("windows-1251"));
        ImportFile windows = ImportFile.open(ImportFixtures.write(dir, "w.csv", cp1251), null);
        assertThat(windows.describe()).isEqualTo("CSV, windows-1251, separated by ','");
        assertThat(rows(windows).get(3).cells()).containsExactly("Їжак", "Ґанна", "1990");
    }

    @Test
    void anUnknownEncodingIsRefusedNamingTheOptionAndAGivenOneIsUsed(@TempDir Path dir) {
        // ISO-8859-5 Cyrillic lands on bytes that are neither UTF-8 nor mostly Windows-1251 letters
        byte[] iso = RU_CSV.getBytes(Charset.forName("ISO-8859-5"));
        Path file = ImportFixtures.write(dir, "iso.csv", iso);
        assertThatThrownBy(() -> ImportFile.open(file, null)).isInstanceOf(ImportFileException.class)
                .hasMessageContaining("give its encoding (e.g. windows-1251, koi8-u, iso-8859-5)");
        assertThat(rows(ImportFile.open(file, "ISO-8859-5")).get(1).cells().get(0)).isEqualTo("Смирнов");
        assertThatThrownBy(() -> ImportFile.open(file, "klingon")).hasMessageContaining("'klingon' is not an encoding");
        byte[] noBom = RU_CSV.getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> ImportFile.open(ImportFixtures.write(dir, "nobom.csv", noBom), null))
                .hasMessageContaining("UTF-16 without a byte order mark");
    }

    @Test
    void anUnclosedQuoteNamesItsLine(@TempDir Path dir) {
        Path file = ImportFixtures.write(dir, "q.csv", "surname,given_name\nA,B\n\"C,D\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> rows(ImportFile.open(file, null))).isInstanceOf(ImportFileException.class)
                .hasMessageStartingWith("line 3: a quoted cell is never closed");
    }

    @Test
    void workbooksGiveCachedFormulaValuesIsoDatesAndWholeNumbers(@TempDir Path dir) {
        ImportFile file = ImportFile.open(ImportFixtures.workbook(dir, "WB"), null);
        assertThat(file.kind()).isEqualTo(ImportFile.Kind.XLSX);
        List<Read> rows = rows(file);
        assertThat(rows.get(0).line()).isEqualTo(1);
        assertThat(rows.get(0).cells()).containsExactly("Список військовополонених");
        assertThat(rows.get(2).cells()).containsExactly("Савченко ", "Петро", "1992-04-05", "WB-0001", "солдат", "1992");
        assertThat(rows.get(3).line()).as("the empty row is not in the file").isEqualTo(5);
        assertThat(file.hasEventSheet()).isTrue();
        List<Read> events = new ArrayList<>();
        file.readEventSheet((line, cells) -> events.add(new Read(line, cells)));
        assertThat(events.get(1).cells()).containsExactly("WB-0001", "INTERNED", "2024-06-01", "Табір 3");
    }

    @Test
    void aHeaderOfTwoRowsWithMergedGroupTitlesIsReadAsOne() {
        List<String> header = new ArrayList<>();
        List<Read> data = new ArrayList<>();
        ImportSheet sheet = new ImportSheet(row -> ImportColumns.recognised(row, false) >= 2, (line, cells) -> {
            header.addAll(cells);
            header.add("@" + line);
            return (l, c) -> data.add(new Read(l, c));
        });
        sheet.row(1, List.of("Список", "", "", "", "", ""));
        sheet.row(2, List.of("№", "ПІБ", "", "", "Дата народження", "Номер"));
        sheet.row(3, List.of("", "Прізвище", "Ім'я", "По батькові", "", ""));
        sheet.row(4, List.of("1", "Коваль", "Іван", "Петрович", "01.01.1990", "MH-1"));
        assertThat(sheet.finish()).isTrue();
        assertThat(header).containsExactly("№", "Прізвище", "Ім'я", "По батькові", "Дата народження", "Номер", "@3");
        assertThat(ImportColumns.guess(header.subList(0, 6)).fields().values()).containsExactly("surname",
                "given_name", "patronymic", "date_of_birth", "prisoner_number");
        assertThat(data).extracting(Read::line).containsExactly(4L);
    }

    @Test
    void oldExcelFilesAreRefusedWithWhatToDo(@TempDir Path dir) {
        byte[] ole2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
        assertThatThrownBy(() -> ImportFile.open(ImportFixtures.write(dir, "old.xls", ole2), null))
                .hasMessageContaining("save it as an Excel workbook (.xlsx) or as CSV UTF-8");
    }

    @Test
    void headersAreGuessedInThreeLanguages() {
        ImportMapping uk = ImportColumns.guess(List.of("Прізвище", "Імʼя", "По батькові", "Дата народження", "Звання",
                "Військова частина", "Номер", "Примітка"));
        assertThat(uk.asColumns()).containsExactly(Map.entry("Прізвище", "surname"), Map.entry("Імʼя", "given_name"),
                Map.entry("По батькові", "patronymic"), Map.entry("Дата народження", "date_of_birth"),
                Map.entry("Звання", "rank"), Map.entry("Військова частина", "unit"),
                Map.entry("Номер", "prisoner_number"));
        assertThat(uk.unmapped()).containsExactly("Примітка");
        ImportMapping ru = ImportColumns.guess(List.of("Фамилия", "Имя", "Отчество", "Дата рождения", "Звание",
                "Воинская часть", "№ военнопленного"));
        assertThat(ru.fields().values()).containsExactly("surname", "given_name", "patronymic", "date_of_birth", "rank",
                "unit", "prisoner_number");
        ImportMapping en = ImportColumns.guess(List.of("Last name", "First name", "DOB", "Rank", "Unit",
                "date_of_birth", "Surname"));
        assertThat(en.asColumns()).containsExactly(Map.entry("Last name", "surname"),
                Map.entry("First name", "given_name"), Map.entry("DOB", "date_of_birth"), Map.entry("Rank", "rank"),
                Map.entry("Unit", "unit"));
        assertThat(en.unmapped()).as("a field is taken by its first column").containsExactly("date_of_birth", "Surname");
        assertThat(ImportColumns.guess(List.of("Ім'я", "ИМЯ")).fieldAt(0)).isEqualTo("given_name");
    }

    @Test
    void aMappingFileNamesHeadersAndFieldsOrSaysWhatIsWrong() {
        List<String> header = List.of("ПІБ: прізвище", "Табір");
        assertThat(ImportColumns.fromColumns(header, Map.of("піб: ПРІЗВИЩЕ", "surname"), false).fieldAt(0))
                .isEqualTo("surname");
        assertThatThrownBy(() -> ImportColumns.fromColumns(header, Map.of("ПІБ: прізвище", "family"), false))
                .hasMessageContaining("maps to \"family\", which is not a field");
        assertThatThrownBy(() -> ImportColumns.fromColumns(header, Map.of("Name", "surname"), false))
                .hasMessageContaining("the file has no column \"Name\"");
        assertThat(ImportColumns.fromColumns(header, Map.of("табір", "internment_place"), false).fieldAt(1))
                .isEqualTo("internment_place");
    }

    @Test
    void datesInEveryFormPeopleWriteThem() {
        assertThat(ImportCells.partialDate("14.03.1991").value()).isEqualTo(PartialDate.parse("1991-03-14"));
        assertThat(ImportCells.partialDate("5.3.1991").value()).isEqualTo(PartialDate.parse("1991-03-05"));
        assertThat(ImportCells.partialDate("05.1990").value()).isEqualTo(PartialDate.parse("1990-05"));
        assertThat(ImportCells.partialDate("1990-05").value()).isEqualTo(PartialDate.parse("1990-05"));
        assertThat(ImportCells.partialDate("1990").value()).isEqualTo(PartialDate.parse("1990"));
        assertThat(ImportCells.partialDate("33000").value()).as("an Excel day number").isEqualTo(PartialDate.parse("1990-05-07"));
        assertThat(ImportCells.date("45400").value()).isEqualTo(LocalDate.of(2024, 4, 18));
        assertThat(ImportCells.partialDate("31.02.1990").problem()).isEqualTo("is not a date");
        assertThat(ImportCells.partialDate("1990/05/01").problem()).startsWith("is not a date (write DD.MM.YYYY");
        assertThat(ImportCells.date("1990").problem()).contains("needs the day, month and year");
        assertThat(ImportCells.date("01.01.2999").problem()).isEqualTo("is in the future");
        assertThat(new ImportProblem(17, "date_of_birth", "31.02.1990", "is not a date").toString())
                .isEqualTo("line 17, date_of_birth: \"31.02.1990\" is not a date");
    }

    @Test
    void namesAreKeptAsWrittenAndLatinLookAlikesFlagged() {
        ImportCells.Cell cell = ImportCells.person(PersonField.SURNAME, " Бондаренкo ");
        assertThat(cell.value()).isEqualTo("Бондаренкo");
        assertThat(cell.warning()).isEqualTo("has Latin letters among Cyrillic ones (o at character 10): kept as written");
        assertThat(ImportCells.person(PersonField.SURNAME, "Shevchenko").warning()).isNull();
        assertThat(ImportCells.person(PersonField.SURNAME, "Шевченко Petro").warning()).as("a Latin word").isNull();
        assertThat(ImportCells.person(PersonField.SEX, "Ж").value()).isEqualTo(Sex.FEMALE);
        assertThat(ImportCells.person(PersonField.SEX, "X").problem()).isEqualTo("is not one of MALE, FEMALE");
        assertThat(ImportCells.person(PersonField.SERIOUSLY_ILL_OR_WOUNDED, "так").value()).isEqualTo(true);
        assertThat(ImportCells.person(PersonField.SURNAME, "A\u202EB").problem()).contains("RIGHT-TO-LEFT OVERRIDE");
    }

    @Test
    void rowsOfAMappingAreReadWithTheirProblems() {
        ImportMapping mapping = ImportColumns.guess(List.of("surname", "date_of_birth", "power_of_origin"));
        ImportPersonRows rows = new ImportPersonRows(mapping, "party-a", null, Set.of("party-a", "party-b"));
        ImportPersonRows.Row row = rows.read(7, List.of("Кравчук", "31.02.1990", "party-a"));
        assertThat(row.problems()).extracting(ImportProblem::toString).containsExactly(
                "line 7, date_of_birth: \"31.02.1990\" is not a date",
                "line 7, power_of_origin: \"party-a\" is the holding party itself");
        assertThat(rows.read(8, List.of(" ", "", ""))).as("an empty row").isNull();
        assertThat(rows.read(9, List.of("Кравчук")).facts().get(PersonField.HOLDING_PARTY)).isEqualTo("party-a");
    }
}
