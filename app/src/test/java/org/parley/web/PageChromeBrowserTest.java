package org.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** What every page shares, in the browser: the not-found page, the favicon, htmx requests overtaken by newer ones. */
class PageChromeBrowserTest extends BrowserTest {

    @Test
    void anUnknownAddressIsTheNotFoundPageInTheReadersLanguage() {
        open("/no-such-page");
        assertThat(find(".error-code").getText()).isEqualTo("404");
        assertThat(find("h1").getText()).isEqualTo("Not found");
        assertThat(find("#account-name").getText()).isEqualTo("registrar@party-a · party-a");
        clickToLoad(find("#error-home"));
        assertThat(path()).isEqualTo("/persons");

        open("/persons/nobody/here?lang=uk");
        assertThat(pageLanguage()).isEqualTo("uk");
        assertThat(find("h1").getText()).isEqualTo("Не знайдено");
        assertThat(find("#error-home").getText()).isEqualTo("Перейти на свою початкову сторінку");
        open("/actuator");
        assertThat(find("h1").getText()).as("no index of the endpoints").isEqualTo("Не знайдено");

        open("/api/v1/no-such-thing");
        assertThat(find("body").getText()).as("the API answers its clients in JSON, browsers too")
                .contains("urn:parley:problem:");
    }

    @Test
    void anAnonymousVisitorOfAnUnknownAddressIsAskedToLogInAndThenToldItIsNotThere() {
        driver.manage().deleteAllCookies();
        open("/no-such-page?lang=ru");
        assertThat(path()).as("nothing is said about which addresses exist").isEqualTo("/login");
        find("#username").sendKeys("viewer@party-b");
        find("#password").sendKeys(WebLogin.DEMO_PASSWORD);
        clickToLoad(find("#login-submit"));
        assertThat(path()).isEqualTo("/no-such-page");
        assertThat(find("h1").getText()).isEqualTo("Не найдено");
    }

    @Test
    void everyPageNamesItsIcon() {
        open("/persons");
        assertThat(find("link[rel=icon]").getAttribute("href")).endsWith("/favicon.svg");
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; fetch('/favicon.ico').then(r => done(r.status + ' '"
                        + " + r.headers.get('content-type')))");
        assertThat(String.valueOf(status)).startsWith("200 image/");
    }

    /**
     * Typing in the search box while the network is slow: each new search (Enter fires it at once) replaces the
     * one in flight, which htmx aborts; none of that is an error on the console.
     */
    @Test
    void searchesOvertakenByNewerOnesAreCancelledWithoutConsoleErrors() {
        open("/persons");
        consoleErrors(); // only what follows counts
        js("window.parleyAborts = 0; document.body.addEventListener('htmx:sendAbort', function () {"
                + " window.parleyAborts++; })");
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 400,
                "downloadThroughput", -1, "uploadThroughput", -1));
        try {
            WebElement search = find("#q");
            for (String letter : List.of("К", "о", "в")) {
                search.sendKeys(letter);
                search.sendKeys(Keys.ENTER);
            }
            waitUntil(d -> ((Number) js("return window.parleyAborts")).intValue() >= 2
                    && findAll(".htmx-request").isEmpty() && decodedUrl().contains("q=Ков"));
        } finally {
            chrome.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 0,
                    "downloadThroughput", -1, "uploadThroughput", -1));
        }
        assertThat(consoleErrors()).isEmpty();
    }

    private String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    private String decodedUrl() {
        return URLDecoder.decode(driver.getCurrentUrl(), StandardCharsets.UTF_8);
    }
}
