package org.parley.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.parley.ApiClient;
import org.parley.web.BrowserTest;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in Chromium: the figures of the reader's view with the API's values, each chart drawn as SVG with
 * its numbers in a table, the "how is this counted" page, and the page in Ukrainian and Russian.
 */
class DashboardBrowserTest extends BrowserTest {

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    @Test
    void theDashboardShowsTheFiguresOfTheReadersViewAsChartsWithTheirNumbers() {
        JsonNode api = new ApiClient(port).as("registrar@party-a").get("/api/v1/figures").json();
        open("/dashboard");
        assertThat(find("h1").getText()).isEqualTo("Figures");
        assertThat(find("#nav-dashboard").getAttribute("aria-current")).isEqualTo("page");
        for (JsonNode figure : api.get("figures")) {
            String id = figure.get("id").stringValue();
            assertThat(find("#value-" + id).getText().replaceAll("\\D", ""))
                    .isEqualTo(String.valueOf(figure.get("value").longValue()));
        }
        WebElement status = find("#held-status");
        assertThat(status.findElements(By.cssSelector("svg rect"))).isNotEmpty();
        List<WebElement> rows = status.findElements(By.cssSelector("table tbody tr"));
        long sum = rows.stream().mapToLong(r -> Long.parseLong(r.findElement(By.cssSelector("td")).getText()
                .replaceAll("\\D", ""))).sum();
        assertThat(sum).as("the status table adds up to the figure").isEqualTo(api.get("figures").get(0)
                .get("value").longValue());
        assertThat(find("#held-timeInCaptivity svg.histogram")).isNotNull();
        assertThat(find("#exchanged-rounds svg.time-series")).isNotNull();
        assertThat(find("#wishes-rankGroup svg.bar-chart")).isNotNull();

        clickToLoad(find("#figure-held a"));
        assertThat(path()).isEqualTo("/dashboard/figures/held");
        assertThat(find("#definition").getText()).contains("SQL: person p where");
        assertThat(find("#checkpoint").getText()).isNotBlank();
        assertThat(driver.findElements(By.cssSelector("#records li"))).isNotEmpty();

        open("/dashboard?lang=uk");
        assertThat(find("h1").getText()).isEqualTo("Цифри");
        assertThat(find("#held-status h3").getText()).isEqualTo("Статус");
        open("/dashboard?lang=ru");
        assertThat(find("h1").getText()).isEqualTo("Цифры");
    }
}
