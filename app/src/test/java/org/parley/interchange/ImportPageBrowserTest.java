package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.web.BrowserTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The import page in a real browser, in Ukrainian: a small Cyrillic CSV file with Ukrainian headers is uploaded,
 * its columns come guessed, one is changed, the rows are previewed (names as written with their Latin spelling),
 * and the import is followed by htmx polling until it is done, with its counts. Each page fits 1366×900.
 */
class ImportPageBrowserTest extends BrowserTest {

    private static final Dimension DESKTOP = new Dimension(1366, 900);

    @Autowired
    ImportService imports;
    @Autowired
    UserService users;
    @Autowired
    JdbcClient jdbc;

    /**
     * Starts an import of 40,000 rows for Party B: imports run one after the other, so the next one waits behind it
     * and its progress page is seen before the end. Its last row is bad, so that it is refused whole and leaves no
     * person in the database the tests share.
     */
    private void startALongerImport(String tag) throws IOException {
        StringBuilder rows = new StringBuilder("surname;given_name;date_of_birth;prisoner_number\n");
        for (int i = 0; i < 40_000; i++) {
            rows.append("Коваль;Петро;").append(i == 39_999 ? "31.02.1990" : "01.01.1990").append(";LONG-")
                    .append(tag).append('-').append(i).append('\n');
        }
        Path file = Files.createTempFile("import-page-long-", ".csv");
        Files.writeString(file, rows, StandardCharsets.UTF_8);
        imports.start(TestCallers.of(users, "registrar@party-b"), file, "long.csv", null,
                new ImportOptions("party-b", "party-a", null, false, null));
    }

    private String selectedField(int column) {
        return new Select(find("#column-" + column)).getFirstSelectedOption().getAttribute("value");
    }

    private void fits(String page) {
        viewport(DESKTOP);
        assertThat(overflowsHorizontally()).as(page + " at 1366×900").isFalse();
    }

    @Test
    void aRegistrarUploadsACyrillicFileChecksTheColumnsPreviewsAndImports() throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("перелік-", ".csv");
        Files.writeString(file, "Прізвище;Ім'я;По батькові;Дата народження;Номер військовополоненого;Місто " + tag
                + "\nШевченко;Тарас;Григорович;09.03.1990;BR-" + tag + "-1;Київ\n"
                + "Ґудзь;Євгенія;Іванівна;12.04.1985;BR-" + tag + "-2;Житомир\n", StandardCharsets.UTF_8);
        try {
            open("/persons?lang=uk");
            assertThat(find("#nav-imports").getText()).isEqualTo("Імпорти");
            clickToLoad(find("#import-persons"));
            assertThat(pageLanguage()).isEqualTo("uk");
            assertThat(find("h1").getText()).isEqualTo("Імпорт осіб із файлу");
            fits("the upload form");
            find("#file").sendKeys(file.toAbsolutePath().toString());
            new Select(find("#powerOfOrigin")).selectByValue("party-b");
            clickToLoad(find("#upload-submit"));

            assertThat(find("h1").getText()).isEqualTo("Стовпці файлу");
            assertThat(find("#mapping-guessed").isDisplayed()).isTrue();
            assertThat(selectedField(0)).isEqualTo("surname");
            assertThat(selectedField(1)).isEqualTo("given_name");
            assertThat(selectedField(2)).isEqualTo("patronymic");
            assertThat(selectedField(3)).isEqualTo("date_of_birth");
            assertThat(selectedField(4)).isEqualTo("prisoner_number");
            assertThat(selectedField(5)).isEmpty();
            assertThat(new Select(find("#column-5")).getFirstSelectedOption().getText()).isEqualTo("— не імпортується —");
            new Select(find("#column-5")).selectByVisibleText("Місце народження");
            fits("the mapping screen");
            screenshot("import-page-mapping");
            clickToLoad(find("#mapping-submit"));

            assertThat(find("h1").getText()).isEqualTo("Перегляд");
            assertThat(find("#preview-summary").getText()).contains("з проблемами — 0");
            String firstRow = find("#preview tbody tr:first-child .preview-name").getText();
            assertThat(firstRow).contains("Шевченко Тарас Григорович", "Shevchenko Taras Hryhorovych");
            assertThat(find("#preview tbody tr:nth-child(2)").getText()).contains("Ґудзь Євгенія Іванівна",
                    "Місце народження:", "Житомир");
            assertThat(find("#skipBadRows").isSelected()).isFalse();
            fits("the preview");
            screenshot("import-page-preview");
            startALongerImport(tag);
            clickToLoad(find("#import-submit"));

            assertThat(find("h1").getText()).isEqualTo("Імпорт");
            assertThat(find("#import-status").getAttribute("data-state")).isIn("QUEUED", "RUNNING");
            assertThat(find("#import-refresh").isDisplayed()).isTrue();
            // the status follows by htmx polling: the page itself is never reloaded
            js("window.parleyProgressPage = true");
            waiting(Duration.ofMinutes(3)).until(d -> "DONE".equals(
                    d.findElement(By.id("import-status")).getAttribute("data-state")));
            assertThat(js("return window.parleyProgressPage === true")).isEqualTo(true);
            // the import it waited for was refused whole (its last row is bad): nothing of it stays
            assertThat(jdbc.sql("select count(*) from person where prisoner_number like :n")
                    .param("n", "LONG-" + tag + "-%").query(Long.class).single()).isZero();
            assertThat(find("#import-state").getText()).isEqualTo("Завершено");
            assertThat(find("#count-created").getText()).isEqualTo("2");
            assertThat(find("#count-rejected").getText()).isEqualTo("0");
            assertThat(find("#import-bar").getAttribute("value")).isEqualTo("100");
            assertThat(findAll("#import-refresh")).isEmpty();
            fits("the progress page");
            screenshot("import-page-done");

            clickToLoad(find(".breadcrumb a"));
            assertThat(find("#imports").getText()).contains(file.getFileName().toString(), "Завершено");
            fits("the list of imports");
            assertThat(consoleErrors()).isEmpty();
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void aFileAboveTheLimitIsRefusedBeforeItIsSent() throws IOException {
        Path large = Files.createTempFile("import-page-large-", ".csv");
        try {
            Files.write(large, new byte[10 * 1024 * 1024 + 1]);
            open("/imports/new?lang=ru");
            assertThat(find("#import-too-large").isDisplayed()).isFalse();
            find("#file").sendKeys(large.toAbsolutePath().toString());
            find("#upload-submit").click();
            waitUntil(d -> d.findElement(By.id("import-too-large")).isDisplayed());
            assertThat(find("#import-too-large").getText()).startsWith("Файл больше 10 МБ");
            assertThat(driver.getCurrentUrl()).endsWith("/imports/new?lang=ru");
        } finally {
            Files.deleteIfExists(large);
        }
    }
}
