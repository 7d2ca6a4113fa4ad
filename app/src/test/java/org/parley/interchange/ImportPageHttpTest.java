package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.web.PageSession.location;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.parley.web.PageSession;
import org.junit.jupiter.api.Test;
import org.parley.ParleyTest;
import org.parley.audit.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import page step by step over HTTP, as a registrar's browser uses it: upload → columns → preview → import →
 * progress → done; the columns remembered for the next file with the same header; a file with a bad row refused
 * whole (its rows shown) or imported without it when the registrar chooses so; files that cannot be read.
 */
@ParleyTest
class ImportPageHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;

    /** A header no other test uses (its last column's name), so that no mapping remembered elsewhere applies. */
    private static String header(String extra) {
        return "Прізвище;Ім'я;Дата народження;Номер військовополоненого;" + extra;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void uploadColumnsPreviewImportProgressDoneAndTheListOfImports() {
        String tag = unique();
        String extra = "Місто " + tag;
        PageSession registrar = PageSession.of(port, "registrar@party-a");
        byte[] file = utf8(header(extra) + "\nШевченко;Тарас;09.03.1990;PG-" + tag + "-1;Київ\n"
                + "Коваленко;Олена;1985-04-12;PG-" + tag + "-2;Львів\n" + "Бондар;Ігор;;PG-" + tag + "-3;\n");

        HttpResponse<String> form = registrar.get("/imports/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("id=\"import-upload\"", "enctype=\"multipart/form-data\"",
                "name=\"_csrf\"", "<option value=\"party-a\"");

        HttpResponse<String> uploaded = registrar.upload("/imports", Map.of("holdingParty", "party-a",
                "powerOfOrigin", "party-b"), "persons-" + tag + ".csv", file);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String mappingPath = location(uploaded);
        assertThat(mappingPath).matches("/imports/uploads/[0-9a-f-]{36}");

        HttpResponse<String> mapping = registrar.get(mappingPath);
        assertThat(mapping.statusCode()).isEqualTo(200);
        assertThat(mapping.body()).contains("id=\"mapping-guessed\"").doesNotContain("id=\"mapping-remembered\"");
        assertThat(selected(mapping.body(), 0)).isEqualTo("surname");
        assertThat(selected(mapping.body(), 1)).isEqualTo("given_name");
        assertThat(selected(mapping.body(), 2)).isEqualTo("date_of_birth");
        assertThat(selected(mapping.body(), 3)).isEqualTo("prisoner_number");
        assertThat(selected(mapping.body(), 4)).isEmpty(); // "Місто …" is no field's name
        assertThat(mapping.body()).contains(">Date of birth</option>", ">— not imported —</option>", "Шевченко", "Коваленко");

        // nothing is previewed or imported before the columns are confirmed
        assertThat(location(registrar.get(mappingPath + "/preview"))).isEqualTo(mappingPath);
        assertThat(location(registrar.post(mappingPath + "/start", Map.of()))).isEqualTo(mappingPath);

        HttpResponse<String> saved = registrar.post(mappingPath + "/mapping", Map.of("column.0", "surname",
                "column.1", "given_name", "column.2", "date_of_birth", "column.3", "prisoner_number",
                "column.4", "place_of_birth"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(location(saved)).isEqualTo(mappingPath + "/preview");

        HttpResponse<String> preview = registrar.get(mappingPath + "/preview");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("Шевченко Тарас", "Shevchenko Taras", "Бондар Ігор", "Bondar Ihor",
                "Place of birth:", "Київ", "1990-03-09", "The first 3 rows as they will be read: 0 with problems.",
                "name=\"skipBadRows\"");

        HttpResponse<String> started = registrar.post(mappingPath + "/start", Map.of());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
        String progressPath = location(started);
        assertThat(progressPath).matches("/imports/[0-9a-f-]{36}");
        HttpResponse<String> progress = registrar.get(progressPath);
        assertThat(progress.statusCode()).isEqualTo(200);
        assertThat(progress.body()).contains("id=\"import-bar\"", "persons-" + tag + ".csv");
        // a page opened while the import runs polls (htmx) and offers a refresh link (no JavaScript)
        if (!progress.body().contains("data-state=\"DONE\"")) {
            assertThat(progress.body()).contains("hx-trigger=\"every 1s\"", "id=\"import-refresh\"");
        }

        HttpResponse<String> done = registrar.awaitEnd(progressPath);
        assertThat(done.body()).startsWith("<section id=\"import-status\"").contains("data-state=\"DONE\"",
                "id=\"count-created\">3<", "id=\"count-updated\">0<", "id=\"count-rejected\">0<",
                "Rows read: 3", "value=\"100\"").doesNotContain("hx-trigger", "id=\"import-refresh\"");
        assertThat(registrar.get(progressPath).body()).doesNotContain("hx-get");
        assertThat(jdbc.sql("select place_of_birth from person where prisoner_number = :n")
                .param("n", "PG-" + tag + "-1").query(String.class).single()).isEqualTo("Київ");

        HttpResponse<String> list = registrar.get("/imports");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("persons-" + tag + ".csv", "href=\"" + progressPath + "\"", ">Done<");
        // the upload is gone from the session once imported
        assertThat(registrar.get(mappingPath + "/preview").statusCode()).isEqualTo(404);
    }

    @Test
    void theNextFileWithTheSameHeaderComesMappedAsTheOrganisationMappedIt() {
        String tag = unique();
        String extra = "Місце " + tag;
        PageSession registrar = PageSession.of(port, "registrar@party-b");
        byte[] first = utf8(header(extra) + "\nМельник;Петро;01.02.1991;PB-" + tag + "-1;Харків\n");
        String mappingPath = location(registrar.upload("/imports", Map.of("holdingParty", "party-b"), "a.csv", first));
        assertThat(registrar.post(mappingPath + "/mapping", Map.of("column.0", "surname", "column.1", "given_name",
                "column.2", "date_of_birth", "column.3", "prisoner_number", "column.4", "capture_place"))
                .statusCode()).isEqualTo(302);
        long saved = jdbc.sql("select count(*) from import_mapping where organisation = 'party-b' and :h = any(header)")
                .param("h", extra).query(Long.class).single();
        assertThat(saved).isEqualTo(1);
        assertThat(audit.hasEntry(ColumnMappingStore.RECORD, List.of(ColumnMappingStore.SAVE))).isTrue();

        byte[] second = utf8(header(extra) + "\nТкаченко;Марія;03.04.1992;PB-" + tag + "-2;Суми\n");
        HttpResponse<String> again = registrar.in("uk").get(location(
                registrar.upload("/imports", Map.of("holdingParty", "party-b"), "b.csv", second)));
        assertThat(again.body()).contains("id=\"mapping-remembered\"", "зіставлено так, як ваша організація");
        assertThat(selected(again.body(), 4)).isEqualTo("capture_place");
        assertThat(selected(again.body(), 0)).isEqualTo("surname");

        // another organisation's file with the same header is guessed, not mapped as party-b mapped it
        PageSession other = PageSession.of(port, "registrar@party-a");
        HttpResponse<String> theirs = other.get(location(other.upload("/imports", Map.of("holdingParty", "party-a"),
                "c.csv", second)));
        assertThat(theirs.body()).contains("id=\"mapping-guessed\"");
        assertThat(selected(theirs.body(), 4)).isEmpty();
    }

    @Test
    void aFileWithABadRowIsRefusedWholeShowingItsRowsUnlessBadRowsAreSkipped() {
        String tag = unique();
        PageSession registrar = PageSession.of(port, "registrar@party-a").in("uk");
        byte[] file = utf8(header("Нотатка " + tag) + "\nГн\u0061тюк;Іван;01.01.1990;PR-" + tag + "-1;\n"
                + "Савчук;Пилип;31.02.1990;PR-" + tag + "-2;\n");

        String mappingPath = location(registrar.upload("/imports", Map.of("holdingParty", "party-a",
                "powerOfOrigin", "party-b"), "bad.csv", file));
        assertThat(registrar.post(mappingPath + "/mapping", Map.of("column.0", "surname", "column.1", "given_name",
                "column.2", "date_of_birth", "column.3", "prisoner_number")).statusCode()).isEqualTo(302);
        HttpResponse<String> preview = registrar.get(mappingPath + "/preview");
        assertThat(preview.body()).contains("рядок 3, Дата народження: «31.02.1990» не є датою",
                "з проблемами — 1", "Пропустити рядки з помилками", "відхиляється повністю",
                // a Latin "a" in a Cyrillic name: kept as written, flagged
                "Гн\u0061тюк Іван", "рядок 2, Прізвище: «Гн\u0061тюк» має латинські літери серед кириличних (a — символ №");
        assertThat(registrar.in("en").get(mappingPath + "/preview").body())
                .contains("line 3, Date of birth: “31.02.1990” is not a date");

        String refusedPath = location(registrar.post(mappingPath + "/start", Map.of()));
        HttpResponse<String> refused = registrar.awaitEnd(refusedPath);
        assertThat(refused.body()).contains("data-state=\"REFUSED\"", "id=\"import-refused\"",
                "id=\"count-created\">0<", "line 3, Date of birth: “31.02.1990” is not a date", "id=\"rejected-report\"");
        assertThat(persons(tag)).isZero();

        mappingPath = location(registrar.upload("/imports", Map.of("holdingParty", "party-a", "powerOfOrigin",
                "party-b"), "bad.csv", file));
        registrar.post(mappingPath + "/mapping", Map.of("column.0", "surname", "column.1", "given_name",
                "column.2", "date_of_birth", "column.3", "prisoner_number"));
        String skippedPath = location(registrar.post(mappingPath + "/start", Map.of("skipBadRows", "true")));
        HttpResponse<String> skipped = registrar.awaitEnd(skippedPath);
        assertThat(skipped.body()).contains("data-state=\"DONE\"", "id=\"count-created\">1<",
                "id=\"count-rejected\">1<", "line 3, Date of birth: “31.02.1990” is not a date");
        assertThat(persons(tag)).isEqualTo(1);
        HttpResponse<String> report = registrar.get(skippedPath + "/rejected.csv");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(report.body()).isEqualTo("line,field,value,reason\r\n3,date_of_birth,31.02.1990,is not a date\r\n");
    }

    @Test
    void filesThatCannotBeReadAreRefusedWithAClearMessageInTheReadersLanguage() {
        PageSession registrar = PageSession.of(port, "registrar@party-a").in("uk");
        HttpResponse<String> empty = registrar.upload("/imports", Map.of("holdingParty", "party-a"), "empty.csv",
                new byte[0]);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Файл порожній.");
        HttpResponse<String> none = registrar.upload("/imports", Map.of("holdingParty", "party-a"), Map.of(), true);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Виберіть файл для імпорту.");

        HttpResponse<String> blank = registrar.upload("/imports", Map.of("holdingParty", "party-a"), "blank.csv",
                utf8("\n\n"));
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("id=\"import-error\"", "У файлі немає рядків");

        HttpResponse<String> unknownParty = registrar.upload("/imports", Map.of("holdingParty", "party-z"), "u.csv",
                utf8("Прізвище;Дата народження\nЛис;01.01.1990\n"));
        assertThat(unknownParty.statusCode()).isEqualTo(400);
        assertThat(unknownParty.body()).contains("Реєстратори імпортують осіб, яких утримує їхня власна сторона.");
        HttpResponse<String> ownOrigin = registrar.upload("/imports", Map.of("holdingParty", "party-a",
                "powerOfOrigin", "party-a"), "u.csv", utf8("Прізвище;Дата народження\nЛис;01.01.1990\n"));
        assertThat(ownOrigin.statusCode()).isEqualTo(400);
        assertThat(ownOrigin.body()).contains("Держава походження має бути іншою стороною.");

        byte[] xls = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0};
        HttpResponse<String> old = registrar.in("ru").upload("/imports", Map.of("holdingParty", "party-a"), "old.xls",
                xls);
        assertThat(old.statusCode()).isEqualTo(400);
        assertThat(old.body()).contains("старая книга Excel (.xls)");

        byte[] cp1251 = "Прізвище;Ім'я;Дата народження\nЄщенко;Їжак;01.01.1990\n"
                .getBytes(java.nio.charset.Charset.forName("windows-1251"));
        HttpResponse<String> asUtf16 = registrar.in("en").upload("/imports", Map.of("holdingParty", "party-a",
                "encoding", "UTF-16LE"), "cp1251.csv", cp1251);
        assertThat(asUtf16.statusCode()).isEqualTo(400);
        assertThat(asUtf16.body()).contains("id=\"import-error\"");
        HttpResponse<String> detected = registrar.upload("/imports", Map.of("holdingParty", "party-a"), "cp1251.csv",
                cp1251);
        assertThat(detected.statusCode()).as(detected.body()).isEqualTo(302);
        assertThat(registrar.get(location(detected)).body()).contains("CSV, windows-1251, separated by “;”", "Єщенко");
    }

    @Test
    void aFileLargerThanTheUploadLimitSendsTheBrowserBackToTheFormThatSaysSo() {
        PageSession registrar = PageSession.of(port, "registrar@party-a").in("ru");
        byte[] large = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(large, (byte) 'a');
        HttpResponse<String> refused = registrar.upload("/imports", Map.of("holdingParty", "party-a"), "big.csv",
                large);
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/imports/new?tooLarge");
        HttpResponse<String> form = registrar.get("/imports/new?tooLarge");
        assertThat(form.body()).contains("id=\"import-error\"", "Файл больше 10 МБ", "data-max-bytes=\"10485760\"");
    }

    @Test
    void aMappingThatCannotBeImportedComesBackWithWhatIsWrong() {
        String tag = unique();
        PageSession registrar = PageSession.of(port, "registrar@party-a");
        String mappingPath = location(registrar.upload("/imports", Map.of("holdingParty", "party-a"), "m.csv",
                utf8(header("Поле " + tag) + "\nДуб;Яким;01.01.1990;PM-" + tag + ";x\n")));
        HttpResponse<String> twice = registrar.post(mappingPath + "/mapping", Map.of("column.0", "surname",
                "column.1", "surname"));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("Two columns are imported as “Surname”: choose one.");
        assertThat(selected(twice.body(), 1)).isEqualTo("surname");
        // its language switch asks for the URL the form was posted to: the mapping screen again
        assertThat(twice.body()).contains("href=\"" + mappingPath + "/mapping?lang=uk\"");
        assertThat(location(registrar.get(mappingPath + "/mapping?lang=uk"))).isEqualTo(mappingPath);
        HttpResponse<String> noKey = registrar.in("ru").post(mappingPath + "/mapping", Map.of("column.1", "given_name"));
        assertThat(noKey.statusCode()).isEqualTo(400);
        assertThat(noKey.body()).contains("Импортируйте один столбец как «Фамилия» или как «Лагерный номер»");
        HttpResponse<String> unknown = registrar.post(mappingPath + "/mapping", Map.of("column.0", "password"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from import_mapping where :h = any(header)").param("h", "Поле " + tag)
                .query(Long.class).single()).isZero();
    }

    private long persons(String tag) {
        return jdbc.sql("select count(*) from person where prisoner_number like :n").param("n", "PR-" + tag + "-%")
                .query(Long.class).single();
    }

    /** The field chosen for a column on the mapping screen ("" for not imported). */
    private static String selected(String page, int column) {
        int start = page.indexOf("name=\"column." + column + "\"");
        assertThat(start).as("column " + column).isNotNegative();
        String select = page.substring(start, page.indexOf("</select>", start));
        java.util.regex.Matcher chosen = java.util.regex.Pattern.compile("<option value=\"([^\"]*)\"[^>]*selected")
                .matcher(select);
        return chosen.find() ? chosen.group(1) : "";
    }
}
