package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import com.thaiopensource.validate.rng.CompactSchemaReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ParleyTest;
import org.parley.registry.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * PFIF 1.4 exports are valid against the format's normative RELAX NG schema (section 5 of the specification, kept as
 * test data in {@code pfif/pfif-1.4.rnc}), checked with Jing; and they say what docs/interchange/export.md says.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PfifExportTest {

    @LocalServerPort
    int port;

    ExportFixture set;
    ExportHttp http;

    @BeforeAll
    void createTheSet() {
        set = ExportFixture.create(port, LocalDate.of(2001, 3, 4));
        http = new ExportHttp(port);
    }

    /** The schema's complaints about a document: none when it is valid. */
    static List<String> problems(byte[] document) throws IOException, SAXException {
        List<String> problems = new ArrayList<>();
        ErrorHandler collect = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        };
        PropertyMapBuilder properties = new PropertyMapBuilder();
        properties.put(ValidateProperty.ERROR_HANDLER, collect);
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap(), CompactSchemaReader.getInstance());
        assertThat(driver.loadSchema(new InputSource(PfifExportTest.class.getResource("/pfif/pfif-1.4.rnc")
                .toExternalForm()))).as(problems.toString()).isTrue();
        driver.validate(new InputSource(new ByteArrayInputStream(document)));
        return problems;
    }

    @Test
    void theSchemaTellsAValidDocumentFromAnInvalidOne() throws Exception {
        String valid = """
                <?xml version="1.0" encoding="UTF-8"?>
                <pfif:pfif xmlns:pfif="http://zesty.ca/pfif/1.4">
                  <pfif:person>
                    <pfif:person_record_id>example.org/person.1</pfif:person_record_id>
                    <pfif:source_date>2012-05-29T10:00:00Z</pfif:source_date>
                    <pfif:full_name>Ka-Ping Yee</pfif:full_name>
                    <pfif:note>
                      <pfif:note_record_id>example.org/note.1</pfif:note_record_id>
                      <pfif:author_name>Example</pfif:author_name>
                      <pfif:source_date>2012-05-29T10:00:00Z</pfif:source_date>
                      <pfif:status>believed_alive</pfif:status>
                      <pfif:text>Seen.</pfif:text>
                    </pfif:note>
                  </pfif:person>
                </pfif:pfif>
                """;
        assertThat(problems(valid.getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(problems(valid.replace("<pfif:full_name>Ka-Ping Yee</pfif:full_name>", "")
                .getBytes(StandardCharsets.UTF_8))).isNotEmpty();
        assertThat(problems(valid.replace("believed_alive", "held").getBytes(StandardCharsets.UTF_8))).isNotEmpty();
    }

    @Test
    void everyReadersExportIsValidPfif() throws Exception {
        for (String user : List.of("registrar@party-a", "viewer@party-b", "interviewer@intermediary")) {
            HttpResponse<byte[]> answer = http.get(user, "/api/v1/persons/export?format=pfif&" + set.filter());
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pfif+xml");
            assertThat(problems(answer.body())).as(user).isEmpty();
        }
        // the whole list of a party, demo world included, as well
        assertThat(problems(http.get("registrar@party-b", "/api/v1/persons/export?format=pfif").body())).isEmpty();
    }

    @Test
    void aPersonCarriesNamesLatinSpellingAndStatusButNoServiceHealthOrFamilyFacts() {
        String pfif = new String(http.get("viewer@intermediary", "/api/v1/persons/export?format=pfif&"
                + set.filter()).body(), StandardCharsets.UTF_8);
        assertThat(pfif).contains("<pfif:person_record_id>parley.invalid/person." + set.shevchenko()
                        + "</pfif:person_record_id>",
                "<pfif:full_name>Шевченко Тарас Григорович</pfif:full_name>",
                "<pfif:family_name>Шевченко</pfif:family_name>", "<pfif:given_name>Тарас</pfif:given_name>",
                "<pfif:alternate_names>Shevchenko Taras Hryhorovych</pfif:alternate_names>",
                "<pfif:sex>male</pfif:sex>", "<pfif:date_of_birth>1985</pfif:date_of_birth>",
                "<pfif:status>believed_alive</pfif:status>", "<pfif:author_name>Party A</pfif:author_name>");
        // the intermediary sees only notified records; the file names no unit, health, place or family address
        assertThat(pfif).doesNotContain(set.formula(), set.smith(), set.petrenko(), "UA-1814", "pneumonia", "SICK",
                "Hill 204", "Camp 7", "Хрещатик", "сержант", "home_");
    }

    @Test
    void statusesMapToPfifStatuses() {
        assertThat(PfifWriter.status(Status.INTERNED)).isEqualTo("believed_alive");
        assertThat(PfifWriter.status(Status.REPATRIATED)).isEqualTo("believed_alive");
        assertThat(PfifWriter.status(Status.DIED)).isEqualTo("believed_dead");
        assertThat(PfifWriter.status(Status.ESCAPED)).isEqualTo("believed_missing");
    }
}
