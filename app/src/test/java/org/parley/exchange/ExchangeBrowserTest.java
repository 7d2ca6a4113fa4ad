package org.parley.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.PartialDate;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RegistryService;
import org.parley.web.BrowserTest;
import org.parley.web.WebLogin;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A round from the first list to the intermediary's review, in three browsers at once: Party A's negotiator, Party
 * B's negotiator and the intermediary, each in a session of their own.
 */
class ExchangeBrowserTest extends BrowserTest {

    @Autowired
    RegistryService registry;
    @Autowired
    UserService users;

    private final List<WebDriver> others = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @Override
    protected String defaultUser() {
        return "negotiator@party-a";
    }

    /** A second browser, with a profile of its own (no shared cookies), as the distribution's Chromium. */
    private WebDriver anotherBrowser() throws IOException {
        Path profile = Files.createTempDirectory("parley-chromium-");
        profiles.add(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--lang=en-US",
                "--window-size=" + LAPTOP.width + "," + LAPTOP.height, "--user-data-dir=" + profile);
        WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        others.add(browser);
        return browser;
    }

    @AfterAll
    void quitOtherBrowsers() throws IOException {
        for (WebDriver browser : others) {
            browser.quit();
        }
        for (Path profile : profiles) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Runs the steps in another browser (the helpers of BrowserTest drive {@code driver}). */
    private void in(WebDriver browser, Runnable steps) {
        WebDriver own = driver;
        driver = browser;
        try {
            steps.run();
        } finally {
            driver = own;
        }
    }

    private void logInAs(String username) {
        open("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(WebLogin.DEMO_PASSWORD);
        find("#login-submit").click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        waitForPageLoad();
    }

    private String heldByB(String surname, String given, String born) {
        Caller registrar = TestCallers.of(users, "registrar@party-b");
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        facts.put(PersonField.SURNAME, surname);
        facts.put(PersonField.GIVEN_NAME, given);
        facts.put(PersonField.DATE_OF_BIRTH, PartialDate.parse(born));
        facts.put(PersonField.HOLDING_PARTY, "party-b");
        facts.put(PersonField.POWER_OF_ORIGIN, "party-a");
        facts.put(PersonField.CAPTURE_DATE, LocalDate.now().minusYears(3));
        Person created = registry.create(registrar, new PersonInput(facts, Map.of()));
        registry.addEvent(registrar, created.id(), new EventInput(EventType.NOTIFIED, LocalDate.now().minusYears(2),
                null, null, null));
        return created.publicId();
    }

    /** Pastes rows into the editor's text area as a spreadsheet's copy gives them (tabs between cells). */
    private void paste(String rows) {
        WebElement area = find("#rows");
        js("arguments[0].value = arguments[1]", area, rows);
    }

    /** A screenshot of the whole page under target/screenshots, for a person to look at. */
    private void shot(String name) {
        try {
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(LAPTOP.width,
                    ((Number) js("return document.documentElement.scrollHeight")).intValue() + 120));
            screenshot(name);
            driver.manage().window().setSize(LAPTOP);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private WebElement item(String ref) {
        return find("article.item[data-ref='" + ref + "']");
    }

    @Test
    void twoNegotiatorsAndTheIntermediaryWorkARoundInTheirOwnBrowsers() throws IOException {
        String found = heldByB("Вишиваний", "Захар", "1986-10-03");
        String twinOne = heldByB("Двійченко", "Мирон", "1991-04-04");
        String twinTwo = heldByB("Двійченко", "Мирон", "1991-04-04");
        WebDriver partyB = anotherBrowser();
        WebDriver intermediary = anotherBrowser();
        in(partyB, () -> logInAs("negotiator@party-b"));
        in(intermediary, () -> logInAs("viewer@intermediary"));

        // Party A opens a round and pastes its request
        open("/exchanges");
        new Select(find("#open-counterparty")).selectByValue("party-b");
        new Select(find("#open-intermediary")).selectByValue("intermediary");
        find("#open-title").sendKeys("Обмін у трьох вікнах");
        clickToLoad(find("#open-submit"));
        assertThat(find("#round-title").getText()).isEqualTo("Обмін у трьох вікнах");
        assertThat(find("#waiting-on").getText()).contains("Party A to move");
        String roundUrl = driver.getCurrentUrl();
        clickToLoad(find("#list-party-a-request .edit-link"));
        paste("ref\tsurname\tgiven_name\tdate_of_birth\n"
                + "W-1\tВишиваний\tЗахар\t1986-10-03\n"
                + "W-2\tДвійченко\tМирон\t1991-04-04\n"
                + "W-3\tНевідомий\tСтепан\t1970\n");
        clickToLoad(find("#read-submit"));
        assertThat(find("#read-summary").getText()).contains("3 entries");
        assertThat(find("#changes-summary").getText()).isEqualTo("3 added, 0 dropped, 0 changed");
        clickToLoad(find("#submit-version"));
        assertThat(find("#submitted").getText()).isEqualTo("Version 1 is submitted.");
        assertThat(findAll("#entries .entry-row")).hasSize(3);

        // Party B sees whose move it is, reviews the reconciliation, confirms a match and picks a candidate
        in(partyB, () -> {
            open("/exchanges");
            WebElement row = waitUntil(d -> d.findElements(By.cssSelector("tr.round-row")).stream()
                    .filter(r -> r.getText().contains("Обмін у трьох вікнах")).findFirst().orElse(null));
            assertThat(row.findElement(By.cssSelector(".col-waiting")).getText()).contains("Party B");
            clickToLoad(row.findElement(By.cssSelector("a.round-link")));
            assertThat(find("#waiting-on").getText()).contains("Party B to move");
            assertThat(find("#party-party-b .badge-move").getText()).isEqualTo("Their move");
            clickToLoad(find("#list-party-a-request .reconciliation-link"));
            assertThat(item("W-1").findElement(By.cssSelector(".outcome-badge")).getText()).isEqualTo("Found");
            assertThat(item("W-1").getText()).contains("Вишиваний Захар");
            assertThat(item("W-2").findElement(By.cssSelector(".outcome-badge")).getText()).isEqualTo("Ambiguous");
            assertThat(item("W-2").findElements(By.cssSelector(".candidate"))).hasSize(2);

            waitForSwap("item-1", () -> item("W-1").findElement(By.cssSelector("button.confirm")).click());
            assertThat(item("W-1").findElement(By.cssSelector(".confirmation-badge")).getText())
                    .isEqualTo("Confirmed");
            WebElement pick = item("W-2").findElements(By.cssSelector(".candidate")).stream()
                    .filter(c -> !c.findElements(By.cssSelector("a[href='/persons/" + twinTwo + "']")).isEmpty())
                    .findFirst().orElseThrow().findElement(By.cssSelector("button.pick"));
            waitForSwap("item-2", pick::click);
            WebElement picked = item("W-2");
            assertThat(picked.findElement(By.cssSelector(".confirmation-badge")).getText()).isEqualTo("Confirmed");
            assertThat(picked.findElement(By.cssSelector(".outcome-badge")).getText()).isEqualTo("Found");
            assertThat(picked.findElement(By.cssSelector(".registry a.person-link")).getAttribute("href"))
                    .endsWith("/persons/" + twinTwo);
            driver.navigate().refresh();
            waitForPageLoad();
            assertThat(find("#confirmation-filter").getText()).contains("Confirmed (2)");
            shot("exchange-reconciliation-holder");
        });

        // Party A sees the confirmed outcome, never a candidate
        open(roundUrl.substring(roundUrl.indexOf("/exchanges")) + "/lists/party-a/request/versions/1/reconciliation");
        assertThat(item("W-1").findElement(By.cssSelector(".confirmation-badge")).getText()).isEqualTo("Confirmed");
        assertThat(item("W-1").findElement(By.cssSelector(".registry a.person-link")).getAttribute("href"))
                .endsWith("/persons/" + found);
        assertThat(item("W-2").findElement(By.cssSelector(".registry a.person-link")).getAttribute("href"))
                .endsWith("/persons/" + twinTwo);
        assertThat(item("W-3").findElement(By.cssSelector(".outcome-badge")).getText())
                .isEqualTo("Awaiting the holder’s decision");
        assertThat(findAll(".candidates, .candidate, .decide-form")).isEmpty();
        assertThat(driver.getPageSource()).doesNotContain(twinOne).doesNotContain("Candidates");
        shot("exchange-reconciliation-requester");

        // Party A submits a second version that drops W-3, with the reason
        open(roundUrl.substring(roundUrl.indexOf("/exchanges")));
        clickToLoad(find("#list-party-a-request .edit-link"));
        paste("ref\tsurname\tgiven_name\tdate_of_birth\n"
                + "W-1\tВишиваний\tЗахар\t1986-10-03\n"
                + "W-2\tДвійченко\tМирон\t1991-04-04\n");
        clickToLoad(find("#read-submit"));
        assertThat(find("#changes-summary").getText()).isEqualTo("0 added, 1 dropped, 0 changed");
        WebElement dropped = find("tr.dropped-row[data-ref='W-3']");
        new Select(dropped.findElement(By.cssSelector("select.removal-reason"))).selectByValue("DIED");
        shot("exchange-editor-review");
        clickToLoad(find("#submit-version"));
        assertThat(find("#submitted").getText()).isEqualTo("Version 2 is submitted.");

        // The intermediary sees the changes and who was left off
        in(intermediary, () -> {
            open(roundUrl.substring(roundUrl.indexOf("/exchanges")));
            assertThat(find("#list-party-a-request .latest-link").getText()).isEqualTo("Version 2: 2 entries");
            assertThat(findAll(".edit-link, #abandon-form")).isEmpty();
            clickToLoad(find("#list-party-a-request .diff-link"));
            assertThat(find("#diff-summary").getText()).isEqualTo("0 added, 1 dropped, 0 changed");
            WebElement removed = find("tr.removed-row");
            assertThat(removed.getText()).contains("W-3").contains("Невідомий Степан").contains("Died");
            open(roundUrl.substring(roundUrl.indexOf("/exchanges")));
            clickToLoad(find("#list-party-a-request .left-off-link"));
            long total = Long.parseLong(find("#total").getText());
            assertThat(total).isPositive();
            assertThat(Long.parseLong(find("#never-listed").getText()) + Long.parseLong(find("#removed").getText()))
                    .isEqualTo(total);
            WebElement chart = find("#chart-category");
            List<WebElement> bars = chart.findElements(By.cssSelector("svg.bar-chart rect"));
            assertThat(bars).isNotEmpty();
            List<String> drawn = chart.findElements(By.cssSelector("svg.bar-chart text.bar-value")).stream()
                    .map(WebElement::getText).toList();
            List<String> tabled = chart.findElements(By.cssSelector("table.chart-table td.number:first-of-type"))
                    .stream().map(WebElement::getText).toList();
            assertThat(drawn).isEqualTo(tabled);
            assertThat(drawn.stream().mapToLong(Long::parseLong).sum()).isEqualTo(total);
            assertThat(findAll("#left-off-persons .person-link")).isNotEmpty();
            assertThat(driver.getPageSource()).doesNotContain(found).doesNotContain(twinTwo);
            shot("exchange-left-off");
            open(roundUrl.substring(roundUrl.indexOf("/exchanges")));
            shot("exchange-round");
        });
    }
}
