package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.parley.exchange.ListFile.RowError;
import org.parley.registry.PartialDate;

class ListFileReaderTest {

    private static final String HEADER = "ref,person_id,surname,given_name,patronymic,full_name,date_of_birth,"
            + "service_number,unit,rank,note\n";

    // ---------------------------------------------------------------- CSV

    @Test
    void csvWithoutByteOrderMarkGivesEveryColumn() {
        ListFile list = csv(HEADER
                + "F-1,,Коваленко,Олександр,Сергійович,,1990-05-17,АА123456,в/ч А1234,солдат,поранений\n"
                + "F-2,,,,,Шевченко Тарас,1991,,,,\n"
                + ",7d0c2b4e-0000-4000-8000-000000000001,,,,,,,,,\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.unknownColumns()).isEmpty();
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(2, 3, 4);
        assertThat(list.rows().get(0).entry()).isEqualTo(new EntryInput("F-1", null, "Коваленко", "Олександр",
                "Сергійович", null, new PartialDate(1990, 5, 17), "АА123456", "в/ч А1234", "солдат", "поранений"));
        assertThat(list.rows().get(1).entry()).isEqualTo(new EntryInput("F-2", null, null, null, null,
                "Шевченко Тарас", new PartialDate(1991, null, null), null, null, null, null));
        assertThat(list.rows().get(2).entry()).isEqualTo(new EntryInput(null,
                "7d0c2b4e-0000-4000-8000-000000000001", null, null, null, null, null, null, null, null, null));
    }

    @Test
    void csvWithByteOrderMarkReadsTheFirstColumnName() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "ref,surname\r\nF-1,Коваленко\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);

        ListFile list = ListFileReader.read(content, "list.csv");

        assertThat(list.errors()).isEmpty();
        assertThat(list.unknownColumns()).isEmpty();
        assertThat(list.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.entry().ref()).isEqualTo("F-1");
            assertThat(row.entry().surname()).isEqualTo("Коваленко");
        });
    }

    @Test
    void semicolonsSeparateWhenTheHeaderHasNoCommaAndUkrainianHeadersAreKnown() {
        ListFile list = csv("Номер;Прізвище;Ім’я;По батькові;Дата народження;Особистий номер;Військова частина;"
                + "Звання;Примітка\n"
                + "F-7;Коваленко;Олександр;Сергійович;17.05.1990;0123456;А1234;старший солдат;\"поранений; в лікарні\"\n"
                + "F-8;Бондар;Іван;;5.1992;;;;\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.unknownColumns()).isEmpty();
        assertThat(list.rows()).extracting(ListFile.Row::entry).containsExactly(
                new EntryInput("F-7", null, "Коваленко", "Олександр", "Сергійович", null,
                        new PartialDate(1990, 5, 17), "0123456", "А1234", "старший солдат", "поранений; в лікарні"),
                new EntryInput("F-8", null, "Бондар", "Іван", null, null, new PartialDate(1992, 5, null), null,
                        null, null, null));
    }

    @Test
    void russianHeadersAndAliasesAreKnownWhateverTheCaseAndSpacing() {
        ListFile list = csv(" ФАМИЛИЯ ,Имя,Отчество,Дата рождения,Личный номер,Воинская часть,Звание,Примечание,Ref\n"
                + "Коваленко,Александр,Сергеевич,1.2.1990,77,12345,рядовой,нет,R-1\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).singleElement().extracting(ListFile.Row::entry).isEqualTo(new EntryInput("R-1",
                null, "Коваленко", "Александр", "Сергеевич", null, new PartialDate(1990, 2, 1), "77", "12345",
                "рядовой", "нет"));
    }

    @Test
    void headerNamesWithLatinLookAlikesApostrophesAndMarksAreKnown() {
        // "Iм'я" with a Latin I, "Прізвище*" with a required-mark, "Date of birth", "DOB" elsewhere, "Given-Name".
        assertThat(ListColumn.of("Iм'я")).isEqualTo(ListColumn.GIVEN_NAME);
        assertThat(ListColumn.of("Імʼя")).isEqualTo(ListColumn.GIVEN_NAME);
        assertThat(ListColumn.of("Прізвище*")).isEqualTo(ListColumn.SURNAME);
        assertThat(ListColumn.of("Date of birth")).isEqualTo(ListColumn.DATE_OF_BIRTH);
        assertThat(ListColumn.of("DOB")).isEqualTo(ListColumn.DATE_OF_BIRTH);
        assertThat(ListColumn.of("Given-Name")).isEqualTo(ListColumn.GIVEN_NAME);
        assertThat(ListColumn.of("Person ID")).isEqualTo(ListColumn.PERSON_ID);
        assertThat(ListColumn.of("ПІБ")).isEqualTo(ListColumn.FULL_NAME);
        assertThat(ListColumn.of("Прізвище, ім'я, по батькові")).isEqualTo(ListColumn.FULL_NAME);
        assertThat(ListColumn.of("id")).isNull();
        assertThat(ListColumn.of("Призвище")).isNull();
    }

    @Test
    void idIsTheRefWhenThereIsNoRefColumnAndUnknownOtherwise() {
        ListFile alias = csv("ID,surname\nA-1,Коваленко\n");
        assertThat(alias.unknownColumns()).isEmpty();
        assertThat(alias.rows()).singleElement().satisfies(row -> assertThat(row.entry().ref()).isEqualTo("A-1"));

        ListFile both = csv("id,ref,surname\nA-1,F-1,Коваленко\n");
        assertThat(both.unknownColumns()).containsExactly("id");
        assertThat(both.rows()).singleElement().satisfies(row -> assertThat(row.entry().ref()).isEqualTo("F-1"));
    }

    @Test
    void unknownColumnsAreReportedOnceAndIgnored() {
        ListFile list = csv("№ з/п,surname,Місце полону,given_name,,\n"
                + "1,Коваленко,Бахмут,Олександр,,x\n"
                + "2,Бондар,Авдіївка,Іван,,y\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.unknownColumns()).containsExactly("№ з/п", "Місце полону", "column 6 (no name)");
        assertThat(list.rows()).extracting(row -> row.entry().surname()).containsExactly("Коваленко", "Бондар");
    }

    @Test
    void blankRowsAreSkippedSilentlyAndLinesAreThoseOfTheFile() {
        ListFile list = csv("\n\nref,surname,note\n,,\nF-1,Коваленко,\"two\"\"quoted\"\"\"\n   \n\nF-2,Бондар,\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(5, 8);
        assertThat(list.rows().get(0).entry().note()).isEqualTo("two\"quoted\"");
    }

    @Test
    void valuesThatLookLikeFormulasAreKeptAsTyped() {
        ListFile list = csv("ref,surname,note,service_number\n"
                + "=1+1,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",@SUM(A1),+380501234567\n"
                + "-5,Бондар,-,-\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).extracting(ListFile.Row::entry).containsExactly(
                new EntryInput("=1+1", null, "=HYPERLINK(\"http://x\",\"y\")", null, null, null, null,
                        "+380501234567", null, null, "@SUM(A1)"),
                new EntryInput("-5", null, "Бондар", null, null, null, null, "-", null, null, "-"));
    }

    // ---------------------------------------------------------------- errors of rows

    @Test
    void anImpossibleDateIsNamedWithItsLineFieldAndValue() {
        ListFile list = csv("ref,surname,date_of_birth\n"
                + "F-1,Коваленко,1990-05-17\n"
                + "F-2,Бондар,31.02.1990\n"
                + "F-3,Мельник,13.1990\n"
                + "F-4,Ткаченко,1990-02-30\n"
                + "F-5,Кравченко,17/05/1990\n");

        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 3, date_of_birth: \"31.02.1990\" is not a date",
                "line 4, date_of_birth: \"13.1990\" is not a date",
                "line 5, date_of_birth: \"1990-02-30\" is not a date",
                "line 6, date_of_birth: \"17/05/1990\" is not a date: write DD.MM.YYYY, MM.YYYY, YYYY, YYYY-MM-DD"
                        + " or YYYY-MM");
        assertThat(list.errors().get(0)).isEqualTo(new RowError(3, "date_of_birth", "\"31.02.1990\" is not a date"));
        assertThat(list.errors().get(0).toString()).isEqualTo("line 3, date_of_birth: \"31.02.1990\" is not a date");
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(2);
    }

    @Test
    void controlBidiAndLineBreakCharactersAreRefusedWithTheFieldNamed() {
        ListFile list = csv("ref,surname,given_name,unit,note\n"
                + "F-1,Ков\u0007аленко,Олександр,,\n"
                + "F-2,Бондар,\u202EІван,,\n"
                + "F-3,Мельник,Петро,\"А\n1234\",\n"
                + "F-4,Ткаченко,Андрій,,\"tab\there\"\n"
                + "F-5,Кравченко,Іван,,ok\n");

        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 2, surname: contains U+0007, a control character, at character 4",
                "line 3, given_name: contains U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional formatting character,"
                        + " at character 1",
                "line 4, unit: contains U+000A, a line break, at character 2: this field is one line",
                "line 6, note: contains U+0009, a tab, at character 4: this field is one line");
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(7);
    }

    @Test
    void anUnpairedSurrogateIsRefused() {
        ListFile list = ListFileReader.readPasted("ref\tsurname\nF-1\tКов\uD800аленко\n");

        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 2, surname: contains U+D800, an unpaired surrogate, at character 4");
        assertThat(list.rows()).isEmpty();
    }

    @Test
    void valuesAreHeldToTheirLengths() {
        String name200 = "Ф".repeat(200);
        ListFile list = csv("ref,surname,note,person_id\n"
                + "R" + "1".repeat(99) + "," + name200 + "," + "н".repeat(1000) + ",\n"
                + "R" + "2".repeat(100) + ",Бондар,,\n"
                + "F-3," + name200 + "Ф,,\n"
                + "F-4,Мельник," + "н".repeat(1001) + ",\n"
                + "F-5,Ткаченко,," + "p".repeat(101) + "\n");

        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 3, ref: is longer than 100 characters",
                "line 4, surname: is longer than 200 characters",
                "line 5, note: is longer than 1000 characters",
                "line 6, person_id: is longer than 100 characters");
        assertThat(list.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.entry().surname()).isEqualTo(name200);
        });
    }

    @Test
    void surroundingSpaceIsStrippedAndInvisibleCharactersLeaveNames() {
        ListFile list = csv("ref,surname,given_name\n  F-1\u00A0,\" Ко\u200Bваленко \",\u00ADОлександр\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).singleElement().extracting(ListFile.Row::entry).satisfies(entry -> {
            assertThat(entry.ref()).isEqualTo("F-1");
            assertThat(entry.surname()).isEqualTo("Коваленко");
            assertThat(entry.givenName()).isEqualTo("Олександр");
        });
    }

    @Test
    void aRowNeedsAPersonIdOrAName() {
        ListFile list = csv("ref,person_id,surname,given_name,unit\n"
                + "F-1,,,,А1234\n"
                + "F-2,,-,?,\n"
                + "F-3,,\u200B,,\n"
                + "F-4,,\u202E,,\n"
                + "F-5,p-5,,,\n"
                + "F-6,,,Іван,\n");

        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 2: no person_id and no name: a row needs a person_id, or a surname, given_name, patronymic"
                        + " or full_name",
                "line 3: no person_id and no name: a row needs a person_id, or a surname, given_name, patronymic"
                        + " or full_name",
                "line 4: no person_id and no name: a row needs a person_id, or a surname, given_name, patronymic"
                        + " or full_name",
                "line 5, surname: contains U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional formatting character,"
                        + " at character 1");
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(6, 7);
        assertThat(list.errors().get(0).field()).isNull();
    }

    @Test
    void aDuplicateRefOrPersonIdNamesBothLines() {
        ListFile list = csv("ref,person_id,surname\n"
                + "F-12,,Коваленко\n"
                + "F-13,p-1,Бондар\n"
                + "F-14,,Мельник\n"
                + "f-12,,Ткач\n"
                + "F-12,,Кравченко\n"
                + "F-15,p-1,Бондар\n");

        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 6, ref: \"F-12\" already on line 2",
                "line 7, person_id: \"p-1\" already on line 3");
        assertThat(list.errors().get(0)).isEqualTo(new RowError(6, "ref", "\"F-12\" already on line 2"));
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(2, 3, 4, 5);
    }

    @Test
    void aRowWithMoreValuesThanTheHeaderIsAnError() {
        ListFile list = csv("ref,full_name,date_of_birth\n"
                + "F-1,Коваленко, Олександр,1990\n"
                + "F-2,Бондар Іван,1991,,\n");

        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 2: 4 values where the header has 3 columns (a value holding the separator must be in double"
                        + " quotes)");
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(3);
    }

    @Test
    void twoColumnsForOneFieldAreAnErrorOfTheHeader() {
        ListFile list = csv("surname,Прізвище\nКоваленко,Коваленко\n");

        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 1, surname: two columns are surname: \"surname\" and \"Прізвище\"; keep one");
        assertThat(list.rows()).hasSize(1);
    }

    // ---------------------------------------------------------------- errors of the file

    @Test
    void aHeaderWithoutANameOrPersonIdColumnIsAnErrorForTheWholeFile() {
        ListFile list = csv("ref,date_of_birth,Місце\nF-1,1990,Бахмут\n");

        assertThat(list.rows()).isEmpty();
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 1: the header row has no column for a name or a person_id: the first row must name the "
                        + "columns, e.g. surname, given_name, patronymic, full_name, person_id (found: \"ref\", "
                        + "\"date_of_birth\", \"Місце\")");
    }

    @Test
    void aFileThatIsNotUtf8GivesOneError() {
        byte[] cp1251 = "ref,surname\nF-1,Kovalenko\nF-2,Коваленко\n".getBytes(Charset.forName("windows-1251"));

        ListFile list = ListFileReader.read(cp1251, "list.csv");

        assertThat(list.rows()).isEmpty();
        assertThat(list.unknownColumns()).isEmpty();
        assertThat(list.errors()).containsExactly(RowError.ofFile("the file is not UTF-8 text: line 3 has a byte "
                + "UTF-8 does not allow there (0xCA); in Excel, save it as \"CSV UTF-8 (Comma delimited)\" and "
                + "try again"));
        assertThat(list.errors().get(0).wholeFile()).isTrue();
        assertThat(list.errors().get(0).line()).isZero();
    }

    @Test
    void overlongAndSurrogateUtf8SequencesAreNotUtf8() {
        byte[] overlong = {'s', 'u', 'r', 'n', 'a', 'm', 'e', '\n', 'a', (byte) 0xC0, (byte) 0xAF, '\n'};
        byte[] surrogate = {'s', 'u', 'r', 'n', 'a', 'm', 'e', '\n', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};

        assertThat(ListFileReader.read(overlong, null).errors()).extracting(RowError::describe).containsExactly(
                "the file is not UTF-8 text: line 2 has a byte UTF-8 does not allow there (0xC0); in Excel, save "
                        + "it as \"CSV UTF-8 (Comma delimited)\" and try again");
        assertThat(ListFileReader.read(surrogate, null).errors()).extracting(RowError::describe).containsExactly(
                "the file is not UTF-8 text: line 2 has a byte UTF-8 does not allow there (0xED); in Excel, save "
                        + "it as \"CSV UTF-8 (Comma delimited)\" and try again");
    }

    @Test
    void utf16TextIsNamedAsSuch() {
        byte[] utf16 = "\uFEFFsurname\tref\r\nКоваленко\tF-1\r\n".getBytes(StandardCharsets.UTF_16LE);

        assertThat(ListFileReader.read(utf16, "list.txt").errors()).extracting(RowError::describe).containsExactly(
                "the file is UTF-16 text (\"Unicode text\"), not UTF-8; in Excel, save it as \"CSV UTF-8 (Comma "
                        + "delimited)\" and try again");
    }

    @Test
    void textAfterAClosingQuoteStopsTheFileAtItsLineKeepingTheRowsBefore() {
        ListFile list = csv("ref,surname\nF-1,Коваленко\nF-2,\"Бон\"дар\nF-3,Мельник\n");

        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(2);
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 3: text after the closing quote of a quoted value (a quote inside a quoted value must be "
                        + "doubled: \"\"); the rest of the file was not read");
    }

    @Test
    void aQuoteNeverClosedIsNamedAtTheLineItOpens() {
        ListFile list = csv("ref,surname\nF-1,Коваленко\nF-2,\"Бондар\nF-3,Мельник\n");

        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(2);
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 3: a quoted value in the row starting here is never closed: the file ends inside it (a quote"
                        + " inside a quoted value must be doubled: \"\"); the rest of the file was not read");
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFile() {
        assertThat(ListFileReader.read(new byte[0], "x.csv").errors()).extracting(RowError::describe)
                .containsExactly("the file is empty; the first row must name the columns, e.g. surname, "
                        + "given_name, patronymic, full_name, person_id");
        assertThat(csv("\uFEFF\r\n  \r\n").errors()).extracting(RowError::describe)
                .containsExactly("the file is empty; the first row must name the columns, e.g. surname, "
                        + "given_name, patronymic, full_name, person_id");
        ListFile headerOnly = csv("surname,given_name\n");
        assertThat(headerOnly.rows()).isEmpty();
        assertThat(headerOnly.errors()).isEmpty();
    }

    @Test
    void moreEntriesThanTheLimitAreRefusedWithOneError() {
        // Blank rows do not count; rows with errors do.
        ListFile atLimit = ListFileReader.read("ref,surname\nF-1,Коваленко\n\n,\nF-2,Бондар\n"
                .getBytes(StandardCharsets.UTF_8), null, 2);
        assertThat(atLimit.errors()).isEmpty();
        assertThat(atLimit.rows()).hasSize(2);

        ListFile over = ListFileReader.read(("ref,surname\nF-1,Коваленко\nF-1,\u0007\nF-3,Мельник\n")
                .getBytes(StandardCharsets.UTF_8), null, 2);
        assertThat(over.rows()).isEmpty();
        assertThat(over.unknownColumns()).isEmpty();
        assertThat(over.errors()).extracting(RowError::describe).containsExactly(
                "the list has more than 2 entries, the most one list may hold; split it into several lists");

        ListFile pasted = ListFileReader.readPasted("surname\nA\nB\nC\n", 2);
        assertThat(pasted.errors()).extracting(RowError::describe).containsExactly(
                "the list has more than 2 entries, the most one list may hold; split it into several lists");
    }

    // ---------------------------------------------------------------- pasted rows

    @Test
    void pastedRowsWithAHeaderAndCrLf() {
        ListFile list = ListFileReader.readPasted("Прізвище\tІм'я\tДата народження\tОсобистий номер\r\n"
                + "Коваленко\tОлександр\t17.05.1990\t0123456\r\n"
                + "\t\t\t\r\n"
                + "Бондар\tІван\t1991\t\r\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(2, 4);
        assertThat(list.rows()).extracting(ListFile.Row::entry).containsExactly(
                new EntryInput(null, null, "Коваленко", "Олександр", null, null, new PartialDate(1990, 5, 17),
                        "0123456", null, null, null),
                new EntryInput(null, null, "Бондар", "Іван", null, null, new PartialDate(1991, null, null), null,
                        null, null, null));
    }

    @Test
    void pastedCellsQuotedAsExcelCopiesThemAndStrayQuotesAsText() {
        ListFile list = ListFileReader.readPasted("ref\tsurname\tunit\tnote\n"
                + "F-1\tКоваленко\t\"Батальйон \"\"Сокіл\"\"\"\t\"a\tb\"\n"
                + "F-2\t\"Бондар\" (?)\t\"3 рота\"\t\n"
                + "F-3\tМельник\t\t\"line\nbreak\"\n"
                + "F-4\tТкач\t\t\n");

        assertThat(list.rows()).extracting(ListFile.Row::entry).containsExactly(
                new EntryInput("F-2", null, "\"Бондар\" (?)", null, null, null, null, null, "3 рота", null, null),
                new EntryInput("F-4", null, "Ткач", null, null, null, null, null, null, null, null));
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(3, 6);
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 2, note: contains U+0009, a tab, at character 2: this field is one line",
                "line 4, note: contains U+000A, a line break, at character 5: this field is one line");
    }

    @Test
    void pastedCellWithQuotesIsDecoded() {
        ListFile list = ListFileReader.readPasted("ref\tunit\tsurname\nF-1\t\"Батальйон \"\"Сокіл\"\"\"\tКоваленко");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(2);
            assertThat(row.entry().unit()).isEqualTo("Батальйон \"Сокіл\"");
        });
    }

    @Test
    void pastedCsvTextIsReadAsCsv() {
        ListFile list = ListFileReader.readPasted("surname;given_name\nКоваленко;Олександр\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).singleElement().satisfies(row -> {
            assertThat(row.entry().surname()).isEqualTo("Коваленко");
            assertThat(row.entry().givenName()).isEqualTo("Олександр");
        });
    }

    @Test
    void aSingleColumnPasteIsOneColumn() {
        ListFile list = ListFileReader.readPasted("ПІБ\nКоваленко Олександр, 1990\n\nБондар Іван\n");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).extracting(row -> row.entry().fullName())
                .containsExactly("Коваленко Олександр, 1990", "Бондар Іван");
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(2, 4);
    }

    // ---------------------------------------------------------------- XLSX

    @Test
    void xlsxGivesTextNumbersDatesAndFormulaResultsAsTyped() throws IOException {
        byte[] xlsx = xlsx(workbook -> {
            Sheet sheet = workbook.createSheet("Список");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd.mm.yyyy"));
            CellStyle builtinDate = workbook.createCellStyle();
            builtinDate.setDataFormat((short) 14);
            row(sheet, 0, "Номер", "Прізвище", "Ім'я", "Дата народження", "Особистий номер", "Примітка", "Звання");
            Row first = row(sheet, 1, "F-1", "Коваленко", "Олександр");
            first.createCell(3).setCellValue(LocalDate.of(1990, 5, 17));
            first.getCell(3).setCellStyle(date);
            first.createCell(4).setCellValue(123456789012d);
            first.createCell(5).setCellValue("=SUM(A1)");
            first.createCell(6).setCellFormula("\"старший \"&\"солдат\"");
            // row 3 (index 2) has no cells at all; row 4 only styled empty cells
            Row styled = sheet.createRow(3);
            styled.createCell(1).setCellStyle(date);
            styled.createCell(2).setCellValue("");
            Row second = row(sheet, 4, "F-2", "Бондар", "Іван");
            second.createCell(3).setCellValue(1991);
            second.createCell(4).setCellValue(1234567.0);
            second.createCell(5).setCellFormula("1/0");
            Row third = row(sheet, 5, "F-3", "Мельник", "Петро");
            third.createCell(3).setCellValue(LocalDate.of(1985, 1, 2));
            third.getCell(3).setCellStyle(builtinDate);
            third.createCell(4).setCellValue(0.000123);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.createSheet("Other").createRow(0).createCell(0).setCellValue("surname");
        });

        ListFile list = ListFileReader.read(xlsx, "list.csv");

        assertThat(list.unknownColumns()).isEmpty();
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(2, 6);
        assertThat(list.rows()).extracting(ListFile.Row::entry).containsExactly(
                new EntryInput("F-1", null, "Коваленко", "Олександр", null, null, new PartialDate(1990, 5, 17),
                        "123456789012", null, "старший солдат", "=SUM(A1)"),
                new EntryInput("F-3", null, "Мельник", "Петро", null, null, new PartialDate(1985, 1, 2),
                        "0.000123", null, null, null));
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 5, note: the cell shows the error #DIV/0!");
    }

    @Test
    void xlsxYearAsNumberAndDateFromTextCells() throws IOException {
        byte[] xlsx = xlsx(workbook -> {
            Sheet sheet = workbook.createSheet();
            row(sheet, 2, "", "surname", "dob");
            Row row = row(sheet, 3, "", "Коваленко");
            row.createCell(2).setCellValue(1991);
            row(sheet, 4, "", "Бондар", "31.02.1990");
            row(sheet, 6, "", "Мельник", "05.1992", "extra");
        });

        ListFile list = ListFileReader.read(xlsx, null);

        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(4, 7);
        assertThat(list.rows()).extracting(row -> row.entry().dateOfBirth())
                .containsExactly(new PartialDate(1991, null, null), new PartialDate(1992, 5, null));
        assertThat(list.errors()).extracting(RowError::describe)
                .containsExactly("line 5, date_of_birth: \"31.02.1990\" is not a date");
        assertThat(list.unknownColumns()).containsExactly("column D (no name)");
    }

    @Test
    void xlsxRichTextRunsAreJoinedAndPhoneticGuidesAndLayoutSpaceLeftOut() throws IOException {
        byte[] xlsx = handMadeXlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>surname</t></is></c>"
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>unit</t></is></c></row>\n"
                + "<row r=\"2\">\n  <c r=\"A2\" t=\"inlineStr\">\n    <is>\n      <r><rPr><b/></rPr><t>Ков</t></r>\n"
                + "      <r><t xml:space=\"preserve\">аленко</t></r>\n      <rPh sb=\"0\" eb=\"1\"><t>x</t></rPh>\n"
                + "    </is>\n  </c>\n  <c r=\"B2\" t=\"inlineStr\"><is><t>А&amp;1234</t></is></c>\n</row>");

        ListFile list = ListFileReader.read(xlsx, null);

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).singleElement().satisfies(row -> {
            assertThat(row.entry().surname()).isEqualTo("Коваленко");
            assertThat(row.entry().unit()).isEqualTo("А&1234");
        });
    }

    @Test
    void xlsxCellsPastExcelsLengthAndColumnsAreCutShort() throws IOException {
        // Random letters: a repeated one would pack so tightly that the zip bomb guard refuses the file.
        Random random = new Random(11);
        StringBuilder note = new StringBuilder();
        for (int i = 0; i < 100_000; i++) {
            note.append((char) ('а' + random.nextInt(32)));
        }
        byte[] xlsx = handMadeXlsx("<row r=\"1\">" + inline("A1", "surname") + inline("B1", "note") + "</row>"
                + "<row r=\"2\">" + inline("A2", "Коваленко") + inline("B2", note.toString())
                + inline("ZZZZZ2", "far away") + "</row>"
                + "<row r=\"3\">" + inline("A3", "Бондар") + inline("XFD3", "last column") + "</row>");

        ListFile list = ListFileReader.read(xlsx, null);

        assertThat(list.errors()).extracting(RowError::describe)
                .containsExactly("line 2, note: is longer than 1000 characters");
        assertThat(list.rows()).extracting(ListFile.Row::line).containsExactly(3);
        assertThat(list.unknownColumns()).containsExactly("column XFD (no name)");
    }

    @Test
    void xlsxLeavesNoTemporaryFileBehind() throws IOException {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        byte[] xlsx = xlsx(workbook -> row(workbook.createSheet(), 0, "surname"));
        try (var before = java.nio.file.Files.list(tmp)) {
            List<java.nio.file.Path> existing = before.toList();
            ListFileReader.read(xlsx, null);
            ListFileReader.read(java.util.Arrays.copyOf(xlsx, xlsx.length / 2), null);
            try (var after = java.nio.file.Files.list(tmp)) {
                assertThat(after.filter(p -> p.getFileName().toString().startsWith("parley-list-"))
                        .filter(p -> !existing.contains(p))).isEmpty();
            }
        }
    }

    @Test
    void xlsxFormulaWithoutASavedResultIsAnError() throws IOException {
        byte[] xlsx = xlsx(workbook -> {
            Sheet sheet = workbook.createSheet();
            row(sheet, 0, "surname", "given_name");
            row(sheet, 1, "Коваленко").createCell(1).setCellFormula("\"Олек\"&\"сандр\"");
        });

        ListFile list = ListFileReader.read(xlsx, null);

        assertThat(list.rows()).isEmpty();
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "line 2, given_name: is a formula whose result is not saved in the file: open the file in a "
                        + "spreadsheet program and save it, or paste the values only");
    }

    @Test
    void xlsxWithoutANameColumnIsAnErrorForTheWholeFile() throws IOException {
        byte[] xlsx = xlsx(workbook -> {
            Sheet sheet = workbook.createSheet();
            row(sheet, 0, "A", "B");
            row(sheet, 1, "1", "2");
        });

        assertThat(ListFileReader.read(xlsx, null).errors()).extracting(RowError::describe).containsExactly(
                "line 1: the header row has no column for a name or a person_id: the first row must name the "
                        + "columns, e.g. surname, given_name, patronymic, full_name, person_id (found: \"A\", "
                        + "\"B\")");
    }

    @Test
    void anEmptyWorkbookSaysSo() throws IOException {
        byte[] xlsx = xlsx(workbook -> workbook.createSheet());

        assertThat(ListFileReader.read(xlsx, null).errors()).extracting(RowError::describe).containsExactly(
                "the first sheet is empty; its first row must name the columns, e.g. surname, given_name, "
                        + "patronymic, full_name, person_id");
    }

    @Test
    void aCorruptXlsxGivesOneError() {
        byte[] corrupt = new byte[4096];
        new Random(7).nextBytes(corrupt);
        corrupt[0] = 'P';
        corrupt[1] = 'K';
        corrupt[2] = 3;
        corrupt[3] = 4;

        ListFile list = ListFileReader.read(corrupt, "list.xlsx");

        assertThat(list.rows()).isEmpty();
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "the file cannot be read as an Excel workbook (.xlsx): it is damaged or incomplete; save it as an "
                        + "Excel workbook (.xlsx) or as CSV UTF-8 and try again");
    }

    @Test
    void aTruncatedXlsxGivesOneError() throws IOException {
        byte[] xlsx = xlsx(workbook -> row(workbook.createSheet(), 0, "surname"));
        byte[] cut = java.util.Arrays.copyOf(xlsx, xlsx.length / 2);

        assertThat(ListFileReader.read(cut, null).errors()).extracting(RowError::describe).containsExactly(
                "the file cannot be read as an Excel workbook (.xlsx): it is damaged or incomplete; save it as an "
                        + "Excel workbook (.xlsx) or as CSV UTF-8 and try again");
    }

    @Test
    void aPasswordProtectedXlsxGivesOneError() throws Exception {
        byte[] plain = xlsx(workbook -> row(workbook.createSheet(), 0, "surname"));
        POIFSFileSystem fs = new POIFSFileSystem();
        Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
        encryptor.confirmPassword("secret");
        try (OPCPackage opc = OPCPackage.open(new java.io.ByteArrayInputStream(plain));
                OutputStream out = encryptor.getDataStream(fs)) {
            opc.save(out);
        }
        ByteArrayOutputStream encrypted = new ByteArrayOutputStream();
        fs.writeFilesystem(encrypted);
        fs.close();

        assertThat(ListFileReader.read(encrypted.toByteArray(), "list.xlsx").errors()).extracting(RowError::describe)
                .containsExactly("the workbook is protected with a password (encrypted); save it again without a "
                        + "password and try again");
    }

    @Test
    void aZipThatIsNoWorkbookIsNamed() throws IOException {
        ByteArrayOutputStream ods = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(ods)) {
            ZipEntry mimetype = new ZipEntry("mimetype");
            byte[] type = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
            mimetype.setMethod(ZipEntry.STORED);
            mimetype.setSize(type.length);
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            mimetype.setCrc(crc.getValue());
            zip.putNextEntry(mimetype);
            zip.write(type);
            zip.closeEntry();
        }
        assertThat(ListFileReader.read(ods.toByteArray(), "list.ods").errors()).extracting(RowError::describe)
                .containsExactly("this is an OpenDocument spreadsheet (.ods); save it as an Excel workbook (.xlsx) "
                        + "or as CSV UTF-8 and try again");

        ByteArrayOutputStream other = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(other)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("hello".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        assertThat(ListFileReader.read(other.toByteArray(), "list.xlsx").errors()).hasSize(1)
                .allSatisfy(error -> assertThat(error.wholeFile()).isTrue());
    }

    @Test
    void aZipBombIsRefusedWithOneError() throws IOException {
        byte[] plain = xlsx(workbook -> {
            Sheet sheet = workbook.createSheet();
            row(sheet, 0, "surname");
            row(sheet, 1, "Коваленко");
        });
        // The sheet padded with 50 MB of spaces after its root element: well-formed, and packs about 1000 to 1.
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(plain));
                ZipOutputStream out = new ZipOutputStream(bomb)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(in.readAllBytes());
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    byte[] spaces = new byte[1 << 20];
                    java.util.Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 50; i++) {
                        out.write(spaces);
                    }
                }
                out.closeEntry();
            }
        }

        ListFile list = ListFileReader.read(bomb.toByteArray(), "list.xlsx");

        assertThat(list.rows()).isEmpty();
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "the file unpacks to far more data than a list of persons holds (a part over 100 MB, or packed "
                        + "suspiciously tightly); it was not read");
    }

    @Test
    void anXlsxOfFiftyThousandAndOneEntriesIsRefusedWithOneError() throws IOException {
        byte[] xlsx = plainXlsx(ListFileReader.MAX_ENTRIES + 1);

        ListFile list = ListFileReader.read(xlsx, "list.xlsx");

        assertThat(list.rows()).isEmpty();
        assertThat(list.unknownColumns()).isEmpty();
        assertThat(list.errors()).extracting(RowError::describe).containsExactly(
                "the list has more than 50,000 entries, the most one list may hold; split it into several lists");
    }

    @Test
    void anXlsxOfFiftyThousandEntriesIsRead() throws IOException {
        byte[] xlsx = plainXlsx(ListFileReader.MAX_ENTRIES);

        ListFile list = ListFileReader.read(xlsx, "list.xlsx");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).hasSize(ListFileReader.MAX_ENTRIES);
        assertThat(list.rows().get(49_999).line()).isEqualTo(50_001);
        assertThat(list.rows().get(49_999).entry()).isEqualTo(new EntryInput("F-50000", null, "Коваленко50000",
                "Олександр", "Сергійович", null, new PartialDate(1990, 1, 1), "900000050000", "А1234", "солдат",
                "примітка 50000"));
        // Values that repeat are kept once.
        assertThat(list.rows().get(0).entry().givenName()).isSameAs(list.rows().get(1).entry().givenName());
    }

    @Test
    void aBigXlsxWrittenByPoiWithSharedStringsIsRead() throws IOException {
        byte[] xlsx = bigXlsx(500, true);

        ListFile list = ListFileReader.read(xlsx, "list.xlsx");

        assertThat(list.errors()).isEmpty();
        assertThat(list.rows()).hasSize(500);
        assertThat(list.rows().get(499).entry()).isEqualTo(new EntryInput("F-500", null, "Коваленко500",
                "Олександр", "Сергійович", null, new PartialDate(1990, 1, 1), "900000000500", "А1234", "солдат",
                "примітка 500"));
    }

    // ---------------------------------------------------------------- helpers

    private static ListFile csv(String text) {
        return ListFileReader.read(text.getBytes(StandardCharsets.UTF_8), "list.csv");
    }

    private static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
        return row;
    }

    private static byte[] xlsx(Consumer<Workbook> content) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(workbook);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** A workbook of {@code entries} full rows after a header, written as a stream. */
    static byte[] bigXlsx(int entries, boolean sharedStrings) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, sharedStrings);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat((short) 14);
            row(sheet, 0, "ref", "surname", "given_name", "patronymic", "date_of_birth", "service_number", "unit",
                    "rank", "note");
            for (int i = 1; i <= entries; i++) {
                Row row = row(sheet, i, "F-" + i, "Коваленко" + i, "Олександр", "Сергійович");
                Cell born = row.createCell(4);
                born.setCellValue(LocalDate.of(1990, 1, 1));
                born.setCellStyle(date);
                row.createCell(5).setCellValue(900_000_000_000d + i);
                row.createCell(6).setCellValue("А1234");
                row.createCell(7).setCellValue("солдат");
                row.createCell(8).setCellValue("примітка " + i);
            }
            workbook.write(out);
            workbook.close();
            return out.toByteArray();
        }
    }

    /**
     * A workbook of {@code entries} full rows after a header, written by hand (as some programs other than Excel
     * write them: inline strings, no styles, no shared strings); far faster to make than with POI.
     */
    static byte[] plainXlsx(int entries) throws IOException {
        StringBuilder rows = new StringBuilder("<row r=\"1\">" + inline("A1", "ref") + inline("B1", "surname")
                + inline("C1", "given_name") + inline("D1", "patronymic") + inline("E1", "date_of_birth")
                + inline("F1", "service_number") + inline("G1", "unit") + inline("H1", "rank") + inline("I1", "note")
                + "</row>");
        for (int i = 1; i <= entries; i++) {
            int r = i + 1;
            rows.append("<row r=\"").append(r).append("\">").append(inline("A" + r, "F-" + i))
                    .append(inline("B" + r, "Коваленко" + i)).append(inline("C" + r, "Олександр"))
                    .append(inline("D" + r, "Сергійович")).append(inline("E" + r, "01.01.1990"))
                    .append("<c r=\"F").append(r).append("\"><v>").append(900_000_000_000L + i).append("</v></c>")
                    .append(inline("G" + r, "А1234")).append(inline("H" + r, "солдат"))
                    .append(inline("I" + r, "примітка " + i)).append("</row>");
        }
        return handMadeXlsx(rows.toString());
    }

    /** A workbook of one sheet whose sheetData holds {@code rows}, without styles or shared strings. */
    static byte[] handMadeXlsx(String rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
            String relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
            String officeDocument = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
            entry(zip, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
                    + "content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-"
                    + "package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                    + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/"
                    + "sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml."
                    + "worksheet+xml\"/></Types>");
            entry(zip, "_rels/.rels", "<Relationships xmlns=\"" + relationships + "\"><Relationship Id=\"rId1\" "
                    + "Type=\"" + officeDocument + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            entry(zip, "xl/workbook.xml", "<workbook xmlns=\"" + main + "\" xmlns:r=\"" + officeDocument + "\">"
                    + "<sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<Relationships xmlns=\"" + relationships + "\"><Relationship "
                    + "Id=\"rId1\" Type=\"" + officeDocument + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/worksheets/sheet1.xml", "<worksheet xmlns=\"" + main + "\"><sheetData>" + rows
                    + "</sheetData></worksheet>");
        }
        return bytes.toByteArray();
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml)
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
