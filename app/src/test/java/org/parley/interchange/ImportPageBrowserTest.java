package org.parley.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;
import org.parley.web.BrowserTest;

/**
 * The import page in a real browser, in Ukrainian: a small Cyrillic CSV file with Ukrainian headers is uploaded,
 * its columns come guessed, one is changed, the rows are previewed (names as written with their Latin spelling),
 * and the import is followed by htmx polling until it is done, with its counts. Each page fits 1366×900.
 */
class ImportPageBrowserTest extends BrowserTest {

    private static final Dimension DESKTOP = new Dimension(1366, 900);

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
            clickToLoad(find("#import-submit"));

            assertThat(find("h1").getText()).isEqualTo("Імпорт");
            waitUntil(d -> "DONE".equals(d.findElement(By.id("import-status")).getAttribute("data-state")));
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
}
