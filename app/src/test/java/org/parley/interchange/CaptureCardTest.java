package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.parley.ApiClient;
import org.parley.ParleyTest;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.registry.NameCollation;
import org.parley.registry.PersonFilter;
import org.parley.registry.PersonSort;
import org.parley.registry.PersonStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Capture cards as PDF: the items of the Annex IV B model with the person's facts, names in Cyrillic with their Latin
 * spelling (text PDFBox extracts, so the embedded fonts carry the letters), one page per card in a batch, and a
 * batch longer than the maximum refused.
 */
@ParleyTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureCardTest {

    @Autowired
    PersonStream stream;
    @Autowired
    UserService users;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    ExportFixture set;
    ExportHttp http;

    @BeforeAll
    void createTheSet() {
        set = ExportFixture.create(port, LocalDate.of(2001, 4, 4));
        http = new ExportHttp(port);
    }

    /** The document's text, each run of white space as one space (a label may wrap in its cell). */
    private static String text(PDDocument document) throws IOException {
        return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
    }

    private static List<PDFont> fonts(PDDocument document) throws IOException {
        List<PDFont> fonts = new ArrayList<>();
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (COSName name : resources.getFontNames()) {
                fonts.add(resources.getFont(name));
            }
        }
        return fonts;
    }

    @Test
    void aCardShowsTheModelsItemsWithNamesInBothScriptsInEmbeddedFonts() throws IOException {
        HttpResponse<byte[]> answer = http.get("registrar@party-a", "/api/v1/persons/" + set.shevchenko()
                + "/capture-card.pdf", "uk");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        try (PDDocument document = Loader.loadPDF(answer.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(fonts(document)).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            String text = text(document);
            assertThat(text).contains("Картка про взяття в полон військовополоненого", "Шевченко", "Shevchenko",
                    "Тарас Григорович", "Taras Hryhorovych", "Григорій", "Hryhorii", "Party B", "Party A", "1985",
                    "Моринці", "сержант", "UA-1814", "Київ, вул. Хрещатик 1", "2001-04-04", "A-77", "Camp 7",
                    "Хворий");
        }
        HttpResponse<byte[]> english = http.get("viewer@party-b", "/api/v1/persons/" + set.shevchenko()
                + "/capture-card.pdf", "en");
        assertThat(english.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(english.body())) {
            assertThat(text(document)).contains("Capture card for prisoner of war",
                    "Power on which the prisoner depends", "First name of father", "Shevchenko");
        }
    }

    @Test
    void aBatchIsOneCardAPageInTheListsOrderAndEachPrintIsAudited() throws IOException {
        long before = jdbc.sql("select count(*) from audit_entry where action = 'PRINT_CAPTURE_CARDS'")
                .query(Long.class).single();
        HttpResponse<byte[]> answer = http.get("registrar@party-a", "/api/v1/persons/capture-cards.pdf?"
                + set.filter() + "&sort=-name");
        assertThat(answer.statusCode()).as(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(answer.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(4);
            PDFTextStripper page = new PDFTextStripper();
            page.setStartPage(1);
            page.setEndPage(1);
            assertThat(page.getText(document)).contains("Шевченко").doesNotContain("Коваленко");
        }
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PRINT_CAPTURE_CARDS'")
                .query(Long.class).single()).isEqualTo(before + 1);
    }

    @Test
    void aBatchBeyondTheMaximumIsRefusedNamingTheLimit() {
        ApiClient a = new ApiClient(port).as("registrar@party-a");
        long visible = stream.count(TestCallers.of(users, "registrar@party-a"), new PersonFilter(null, null, null,
                null, null, null, null, null, null), PersonSort.byDefault(false, NameCollation.ROOT));
        assertThat(visible).as("Party A sees more persons than a batch holds").isGreaterThan(
                CaptureCardService.MAX_CARDS);
        ApiClient.Response refused = a.get("/api/v1/persons/capture-cards.pdf");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.reason("filters")).contains("holds " + visible + " persons", "at most 200");
        ApiClient.Response unknown = a.get("/api/v1/persons/capture-cards.pdf?format=csv");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).contains("format");
    }

    @Test
    void aCardOfARecordTheCallerMayNotSeeIsNotFound() {
        assertThat(http.get("viewer@party-b", "/api/v1/persons/" + set.formula() + "/capture-card.pdf")
                .statusCode()).isEqualTo(404);
        assertThat(http.get("viewer@party-b", "/api/v1/persons/not-an-id/capture-card.pdf").statusCode())
                .isEqualTo(404);
        assertThat(http.get("admin", "/api/v1/persons/" + set.formula() + "/capture-card.pdf").statusCode())
                .isEqualTo(403);
    }
}
