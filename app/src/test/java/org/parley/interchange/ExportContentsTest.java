package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What each format holds for a hand-built set: every column, names as written (Cyrillic, and a surname that a
 * spreadsheet would run as a formula), the Latin spellings, partial dates, and the facts withheld from the power of
 * origin left out; each file read back with the library that reads that format; each export audited.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportContentsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ExportFixture set;
    ExportHttp http;

    @BeforeAll
    void createTheSet() {
        set = ExportFixture.create(port, LocalDate.of(2001, 2, 4));
        http = new ExportHttp(port);
    }

    private HttpResponse<byte[]> export(String user, String format) {
        HttpResponse<byte[]> answer = http.get(user, "/api/v1/persons/export?format=" + format + "&" + set.filter());
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return answer;
    }

    /** The CSV's rows as maps from heading to cell, read by commons-csv after the byte order mark. */
    private static List<Map<String, String>> csv(byte[] body) throws IOException {
        assertThat(body).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new InputStreamReader(new ByteArrayInputStream(body, 3,
                body.length - 3), StandardCharsets.UTF_8), CSVFormat.RFC4180.builder().setHeader()
                .setSkipHeaderRecord(true).get())) {
            for (CSVRecord record : parser) {
                rows.add(record.toMap());
            }
        }
        return rows;
    }

    private static Map<String, String> row(List<Map<String, String>> rows, String id) {
        return rows.stream().filter(r -> r.get("id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void csvHasTheImportsColumnsNamesAsWrittenLatinSpellingsAndNeutralisedFormulas() throws IOException {
        HttpResponse<byte[]> answer = export("registrar@party-a", "csv");
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(answer.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"persons-\\d{4}-\\d{2}-\\d{2}\\.csv\"");
        String text = new String(answer.body(), StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst().orElseThrow()).isEqualTo("\uFEFFid,status,holding_party,power_of_origin,"
                + "surname,given_name,patronymic,father_name,name_language,mother_maiden_name,sex,date_of_birth,"
                + "place_of_birth,category,branch,rank,rank_group,unit,service_number,capture_date,capture_place,"
                + "capturing_unit,internment_place,prisoner_number,health_state,seriously_ill_or_wounded,health_notes,"
                + "next_of_kin_name,next_of_kin_relationship,family_address,surname_latin,given_name_latin,"
                + "patronymic_latin,withheld");
        List<Map<String, String>> rows = csv(answer.body());
        // Party A's registrar sees its three and Party B's notified detainee whose power of origin it is
        assertThat(rows).extracting(r -> r.get("id"))
                .containsExactlyInAnyOrder(set.formula(), set.shevchenko(), set.smith(), set.kovalenko());
        Map<String, String> formula = row(rows, set.formula());
        assertThat(formula.get("surname")).isEqualTo("'=HYPERLINK(\"http://example.com\")");
        assertThat(formula.get("given_name")).isEqualTo("'-Олег");
        assertThat(formula.get("date_of_birth")).isEqualTo("1990-05");
        assertThat(formula.get("capture_place")).isEqualTo("Hill 203");
        assertThat(formula.get("health_notes")).isEqualTo("fever");
        assertThat(row(rows, set.smith()).get("given_name")).isEqualTo("'@John");
        assertThat(row(rows, set.smith()).get("given_name_latin")).isEqualTo("'@John");
        Map<String, String> shevchenko = row(rows, set.shevchenko());
        assertThat(shevchenko).containsEntry("surname", "Шевченко").containsEntry("given_name", "Тарас")
                .containsEntry("patronymic", "Григорович").containsEntry("surname_latin", "Shevchenko")
                .containsEntry("given_name_latin", "Taras").containsEntry("patronymic_latin", "Hryhorovych")
                .containsEntry("holding_party", "party-a").containsEntry("power_of_origin", "party-b")
                .containsEntry("date_of_birth", "1985").containsEntry("capture_date", "2001-02-04")
                .containsEntry("health_state", "SICK").containsEntry("seriously_ill_or_wounded", "false")
                .containsEntry("status", "CAPTURED").containsEntry("family_address", "Київ, вул. Хрещатик 1")
                .containsEntry("withheld", "");
        // Party B's record as its power of origin reads it: no capture place, capturing unit or health notes
        Map<String, String> kovalenko = row(rows, set.kovalenko());
        assertThat(kovalenko).containsEntry("surname", "Коваленко").containsEntry("surname_latin", "Kovalenko")
                .containsEntry("capture_place", "").containsEntry("withheld",
                        "capture_place capturing_unit health_notes sources");
    }

    @Test
    void thePowerOfOriginGetsOnlyNotifiedRecordsWithoutWithheldFacts() throws IOException {
        List<Map<String, String>> rows = csv(export("viewer@party-b", "csv").body());
        assertThat(rows).extracting(r -> r.get("id")).containsExactlyInAnyOrder(set.shevchenko(), set.kovalenko(),
                set.petrenko());
        Map<String, String> shevchenko = row(rows, set.shevchenko());
        assertThat(shevchenko).containsEntry("capture_place", "").containsEntry("capturing_unit", "")
                .containsEntry("health_notes", "").containsEntry("internment_place", "Camp 7")
                .containsEntry("health_state", "SICK");
        assertThat(new String(export("viewer@party-b", "csv").body(), StandardCharsets.UTF_8))
                .doesNotContain("pneumonia", "Hill 204", "3rd company", "HYPERLINK", "Smith");
    }

    @Test
    void xlsxHasTheSameColumnsDatesAsDatesAndFormulasOnlyAsText() throws IOException {
        HttpResponse<byte[]> answer = export("registrar@party-a", "xlsx");
        assertThat(answer.headers().firstValue("Content-Type").orElse(""))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row heading = sheet.getRow(0);
            Map<String, Integer> column = new HashMap<>();
            heading.forEach(cell -> column.put(cell.getStringCellValue(), cell.getColumnIndex()));
            assertThat(column).containsKeys("id", "surname", "surname_latin", "date_of_birth", "capture_date");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            Map<String, Row> byId = new HashMap<>();
            for (int i = 1; i <= sheet.getLastRowNum(); i++) {
                byId.put(sheet.getRow(i).getCell(column.get("id")).getStringCellValue(), sheet.getRow(i));
            }
            Row formula = byId.get(set.formula());
            assertThat(formula.getCell(column.get("surname")).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCell(column.get("surname")).getStringCellValue())
                    .isEqualTo("=HYPERLINK(\"http://example.com\")");
            assertThat(formula.getCell(column.get("date_of_birth")).getStringCellValue()).isEqualTo("1990-05");
            var captured = formula.getCell(column.get("capture_date"));
            assertThat(captured.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(captured)).isTrue();
            assertThat(captured.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(set.captured());
            Row smith = byId.get(set.smith());
            assertThat(smith.getCell(column.get("date_of_birth")).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(1970, 1, 2));
            assertThat(byId.get(set.shevchenko()).getCell(column.get("surname_latin")).getStringCellValue())
                    .isEqualTo("Shevchenko");
            for (Row row : sheet) {
                row.forEach(cell -> assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA));
            }
        }
    }

    @Test
    void jsonIsTheApisPersonRepresentationAsOneArray() {
        HttpResponse<byte[]> answer = export("viewer@party-b", "json");
        JsonNode document = JsonMapper.builder().build().readTree(answer.body());
        assertThat(document.get("total").asLong()).isEqualTo(3);
        List<String> ids = new ArrayList<>();
        document.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
        assertThat(ids).containsExactlyInAnyOrder(set.shevchenko(), set.kovalenko(), set.petrenko());
        JsonNode shevchenko = null;
        for (JsonNode item : document.get("items")) {
            if (item.get("id").stringValue().equals(set.shevchenko())) {
                shevchenko = item;
            }
        }
        assertThat(shevchenko.get("surname").stringValue()).isEqualTo("Шевченко");
        assertThat(shevchenko.get("capturePlace").isNull()).isTrue();
        assertThat(shevchenko.get("withheld").toString()).contains("capturePlace", "healthNotes");
        // the API's own list gives the same persons, field for field
        JsonNode listed = JsonMapper.builder().build().readTree(http.get("viewer@party-b",
                "/api/v1/persons?size=200&" + set.filter()).body());
        assertThat(listed.get("total").asLong()).isEqualTo(3);
        for (JsonNode item : listed.get("items")) {
            JsonNode exported = null;
            for (JsonNode e : document.get("items")) {
                if (e.get("id").equals(item.get("id"))) {
                    exported = e;
                }
            }
            assertThat(exported).isEqualTo(item);
        }
    }

    @Test
    void everyOrderOfTheListIsTheExportsOrder() {
        String filter = "holdingParty=party-b&status=INTERNED";
        for (String sort : List.of("name", "-name", "captureDate", "-captureDate", "timeInCaptivity",
                "-timeInCaptivity")) {
            List<String> listed = new ArrayList<>();
            long total;
            int page = 0;
            do {
                JsonNode answer = JsonMapper.builder().build().readTree(http.get("registrar@party-b",
                        "/api/v1/persons?size=200&page=" + page++ + "&sort=" + sort + "&" + filter).body());
                answer.get("items").forEach(item -> listed.add(item.get("id").stringValue()));
                total = answer.get("total").asLong();
            } while (listed.size() < total);
            HttpResponse<byte[]> answer = http.get("registrar@party-b", "/api/v1/persons/export?format=json&sort="
                    + sort + "&" + filter);
            assertThat(answer.statusCode()).isEqualTo(200);
            JsonNode exported = JsonMapper.builder().build().readTree(answer.body());
            List<String> ids = new ArrayList<>();
            exported.get("items").forEach(item -> ids.add(item.get("id").stringValue()));
            assertThat(ids).as(sort).hasSizeGreaterThan(10).isEqualTo(listed);
        }
    }

    @Test
    void everyExportIsAnAuditEntryNamingFormatFiltersAndCount() {
        long before = jdbc.sql("select count(*) from audit_entry where action = 'EXPORT_PERSONS'")
                .query(Long.class).single();
        export("auditor@party-b", "pfif");
        List<Map<String, Object>> entries = jdbc.sql("select actor, organisation_code, record_type, record_id "
                + "from audit_entry where action = 'EXPORT_PERSONS' order by seq desc limit 1").query().listOfRows();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'EXPORT_PERSONS'").query(Long.class)
                .single()).isEqualTo(before + 1);
        assertThat(entries.get(0)).containsEntry("actor", "auditor@party-b")
                .containsEntry("organisation_code", "party-b").containsEntry("record_type", "person-list")
                .containsEntry("record_id", "capturedFrom=2001-02-04&capturedTo=2001-02-04&format=pfif");
    }

    @Test
    void badParametersAre400NamingTheParameterAndNothingIsAudited() {
        long before = jdbc.sql("select count(*) from audit_entry where action = 'EXPORT_PERSONS'")
                .query(Long.class).single();
        assertProblem("/api/v1/persons/export?" + set.filter(), "format", "is required");
        assertProblem("/api/v1/persons/export?format=docx", "format", "'docx' is not a format");
        assertProblem("/api/v1/persons/export?format=csv&status=ASLEEP", "status", "ASLEEP");
        assertProblem("/api/v1/persons/export?format=csv&page=2", "page", "is not a filter");
        assertProblem("/api/v1/persons/export?format=csv&capturedFrom=yesterday", "capturedFrom", "yesterday");
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'EXPORT_PERSONS'").query(Long.class)
                .single()).isEqualTo(before);
    }

    private void assertProblem(String path, String field, String reason) {
        HttpResponse<byte[]> answer = http.get("registrar@party-a", path);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(answer.body());
        boolean named = false;
        for (JsonNode error : problem.get("errors")) {
            if (error.get("field").stringValue().equals(field)) {
                assertThat(error.get("reason").stringValue()).contains(reason);
                named = true;
            }
        }
        assertThat(named).as(problem.toString()).isTrue();
    }
}
