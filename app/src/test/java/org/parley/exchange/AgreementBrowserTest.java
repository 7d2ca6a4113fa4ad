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
import org.parley.TestCallers;
import org.parley.access.UserService;
import org.parley.api.Caller;
import org.parley.registry.Category;
import org.parley.registry.EventInput;
import org.parley.registry.EventType;
import org.parley.registry.PartialDate;
import org.parley.registry.Person;
import org.parley.registry.PersonField;
import org.parley.registry.PersonInput;
import org.parley.registry.RankGroup;
import org.parley.registry.RegistryService;
import org.parley.registry.Status;
import org.parley.web.BrowserTest;
import org.parley.web.WebLogin;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A round from the lists to EXECUTED in four browsers at once, each in a session of its own: Party A's negotiator
 * and Party B's negotiator submit their offers, Party A's proposes the exchange list, both approve it; the
 * intermediary's negotiator reads the agreement, records the outcomes of Party B's persons and tries to complete
 * too early; Party A's registrar records its own; the intermediary completes, and everyone reads the report.
 */
class AgreementBrowserTest extends BrowserTest {

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

    /** Another browser, with a profile of its own (no shared cookies), as the distribution's Chromium. */
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

    /** A person {@code holder} holds, a national of the other party, notified, captured {@code years} ago. */
    private String held(String holder, String surname, String given, int years, String serviceNumber) {
        Caller registrar = TestCallers.of(users, "registrar@" + holder);
        Map<PersonField, Object> facts = new EnumMap<>(PersonField.class);
        facts.put(PersonField.SURNAME, surname);
        facts.put(PersonField.GIVEN_NAME, given);
        facts.put(PersonField.DATE_OF_BIRTH, PartialDate.parse("1990-0" + years + "-1" + years));
        facts.put(PersonField.HOLDING_PARTY, holder);
        facts.put(PersonField.POWER_OF_ORIGIN, holder.equals("party-a") ? "party-b" : "party-a");
        facts.put(PersonField.CAPTURE_DATE, LocalDate.now().minusYears(years));
        facts.put(PersonField.CATEGORY, Category.ARMED_FORCES);
        facts.put(PersonField.RANK_GROUP, RankGroup.ENLISTED);
        facts.put(PersonField.SERVICE_NUMBER, serviceNumber);
        facts.put(PersonField.PRISONER_NUMBER, "T-" + serviceNumber);
        Person created = registry.create(registrar, new PersonInput(facts, Map.of()));
        registry.addEvent(registrar, created.id(), new EventInput(EventType.NOTIFIED, LocalDate.now().minusYears(1),
                null, null, null));
        return created.publicId();
    }

    /** Submits an offer of these persons through the list editor, as a spreadsheet's copy pastes them. */
    private void offer(String roundPath, String party, List<String> personIds) {
        open(roundPath);
        clickToLoad(find("#list-" + party + "-offer .edit-link"));
        StringBuilder rows = new StringBuilder("ref\tperson_id\n");
        for (int i = 0; i < personIds.size(); i++) {
            rows.append("O-").append(i + 1).append('\t').append(personIds.get(i)).append('\n');
        }
        js("arguments[0].value = arguments[1]", find("#rows"), rows.toString());
        clickToLoad(find("#read-submit"));
        assertThat(find("#read-summary").getText()).contains(personIds.size() + " entries");
        clickToLoad(find("#submit-version"));
        assertThat(find("#submitted").getText()).isEqualTo("Version 1 is submitted.");
    }

    private void choose(String personId, String outcome) {
        find("input[name='outcome." + personId + "'][value='" + outcome + "']").click();
    }

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

    /** The numbers a chart draws and the numbers of its table, in the same order. */
    private static void chartMatchesItsTable(WebElement chart) {
        List<String> drawn = chart.findElements(By.cssSelector("svg.bar-chart text.bar-value")).stream()
                .map(WebElement::getText).toList();
        List<String> tabled = new ArrayList<>();
        for (WebElement row : chart.findElements(By.cssSelector("table.chart-table tbody tr"))) {
            tabled.add(row.findElement(By.cssSelector("td.agreed")).getText());
            tabled.add(row.findElement(By.cssSelector("td.transferred")).getText());
        }
        assertThat(drawn).isNotEmpty().isEqualTo(tabled);
    }

    @Test
    void twoNegotiatorsARegistrarAndTheIntermediaryCarryARoundToItsReport() throws IOException {
        String a1 = held("party-a", "Соняшник", "Богдан", 4, "UA-101");
        String a2 = held("party-a", "Волошка", "Іван", 3, "UA-102");
        String a3 = held("party-a", "Чебрець", "Тарас", 1, "UA-103");
        String b1 = held("party-b", "Подсолнухов", "Глеб", 4, "RU-201");
        String b2 = held("party-b", "Васильков", "Степан", 2, "RU-202");
        WebDriver partyB = anotherBrowser();
        WebDriver registrarA = anotherBrowser();
        WebDriver intermediary = anotherBrowser();
        in(partyB, () -> logInAs("negotiator@party-b"));
        in(registrarA, () -> logInAs("registrar@party-a"));
        in(intermediary, () -> logInAs("negotiator@intermediary"));

        // Party A opens the round and offers three persons; Party B offers two
        open("/exchanges");
        new org.openqa.selenium.support.ui.Select(find("#open-counterparty")).selectByValue("party-b");
        new org.openqa.selenium.support.ui.Select(find("#open-intermediary")).selectByValue("intermediary");
        find("#open-title").sendKeys("Обмін до звіту");
        clickToLoad(find("#open-submit"));
        String roundPath = driver.getCurrentUrl().substring(driver.getCurrentUrl().indexOf("/exchanges"));
        assertThat(find("#no-exchange-list").isDisplayed()).isTrue();
        offer(roundPath, "party-a", List.of(a1, a2, a3));
        in(partyB, () -> offer(roundPath, "party-b", List.of(b1, b2)));

        // Party A proposes N for N and approves it for Party A
        open(roundPath);
        clickToLoad(find("#exchange-list-link"));
        assertThat(find("#balance-N_FOR_N").isSelected()).isTrue();
        clickToLoad(find("#propose-submit"));
        assertThat(find("#proposed").getText()).isEqualTo("Version 1 of the exchange list is proposed.");
        assertThat(findAll("#releases-party-a .release-row")).hasSize(2);
        assertThat(findAll("#releases-party-b .release-row")).hasSize(2);
        assertThat(find("#releases-party-a").getText()).contains("Соняшник Богдан").contains("Волошка Іван")
                .contains("Offered by the holder").contains("in captivity since");
        assertThat(find("#excluded").getText()).contains("Чебрець Тарас").contains("Beyond the balance")
                .contains("beyond the balance: 3rd of 2");
        assertThat(find("#balance-text").getText())
                .isEqualTo("Party A releases 2 (2 counted in the balance); Party B releases 2 (2 counted).");
        assertThat(find("#approval-party-b").getText()).contains("Awaiting approval");
        assertThat(find("#approve-submit").getText()).isEqualTo("Approve version 1 for Party A");
        clickToLoad(find("#approve-submit"));
        assertThat(find("#approved").getText()).isEqualTo("Version 1 is approved for Party A.");
        assertThat(find("#approval-party-a").getText()).contains("Approved for Party A by negotiator@party-a");
        assertThat(findAll("#approve-form")).isEmpty();
        String hash = find("#version-hash").getText();
        shot("agreement-version-approved-by-a");

        // Party B sees who approved, and approves the same version: the round is agreed
        in(partyB, () -> {
            open(roundPath);
            assertThat(find("#round-approval-party-a").getText()).contains("Approved");
            assertThat(find("#round-approval-party-b").getText()).contains("Awaiting");
            clickToLoad(find("#exchange-list-latest"));
            assertThat(find("#version-hash").getText()).isEqualTo(hash);
            clickToLoad(find("#approve-submit"));
            assertThat(find("#approved").getText()).contains("both parties have approved it, the round is agreed");
            assertThat(find("#round-state").getText()).isEqualTo("Agreed");
            open(roundPath);
            assertThat(find("#agreed-on").getText()).startsWith("Agreed on version 1 at");
            assertThat(findAll("#report-link")).isEmpty();
        });

        // The intermediary reads the agreement, records Party B's persons, and tries to complete too early
        in(intermediary, () -> {
            open(roundPath);
            clickToLoad(find("#agreement-link"));
            assertThat(find("#agreement-hash").getText()).isEqualTo(hash);
            assertThat(find("#agreed-party-a").getText()).contains("Соняшник Богдан").contains("UA-101")
                    .contains("T-UA-101");
            assertThat(find("#signed-party-a").getText()).contains("negotiator@party-a");
            assertThat(find("#signed-party-b").getText()).contains("negotiator@party-b");
            @SuppressWarnings("unchecked")
            List<Object> download = (List<Object>) js("var x = new XMLHttpRequest(); x.open('GET', "
                    + "arguments[0], false); x.send(); return [x.status, x.getResponseHeader('Content-Disposition'), "
                    + "x.responseText];", find("#download-json").getAttribute("href"));
            assertThat(((Number) download.get(0)).intValue()).isEqualTo(200);
            assertThat((String) download.get(1)).startsWith("attachment");
            assertThat((String) download.get(2)).contains("\"versionHash\":\"" + hash + "\"")
                    .contains("parley-exchange-agreement");
            shot("agreement-document");
            clickToLoad(find("#handover-link"));
            assertThat(find("#line-" + a1).getText()).contains("Соняшник Богдан").contains("UA-101")
                    .contains("T-UA-101").contains("No outcome yet");
            choose(b1, "TRANSFERRED");
            choose(b2, "TRANSFERRED");
            clickToLoad(find("#record-submit"));
            assertThat(find("#recorded").getText()).isEqualTo("2 outcomes are recorded.");
            assertThat(find("#line-" + b1).getAttribute("data-outcome")).isEqualTo("transferred");
            clickToLoad(find("#complete-submit"));
            assertThat(find("#notice").getText()).contains("2 persons of the agreement have no outcome yet");
            assertThat(findAll("#problem-persons .problem-person")).hasSize(2);
            assertThat(find("#problem-persons").getText()).contains("Соняшник Богдан").contains("Волошка Іван");
        });

        // Party A's registrar records its own persons: one crossed, one did not appear
        in(registrarA, () -> {
            open(roundPath + "/handover?side=party-a");
            assertThat(findAll(".handover-row")).hasSize(2);
            assertThat(findAll("input[name='outcome." + a1 + "']")).isNotEmpty();
            assertThat(findAll("#complete-form")).isEmpty();
            choose(a1, "TRANSFERRED");
            choose(a2, "DID_NOT_APPEAR");
            find("input[name='note." + a2 + "']").sendKeys("У лазареті, прибуде наступним разом");
            shot("handover-checklist-registrar");
            clickToLoad(find("#record-submit"));
            assertThat(find("#recorded").getText()).isEqualTo("2 outcomes are recorded.");
            assertThat(driver.getCurrentUrl()).endsWith("/handover?side=party-a");
            assertThat(find("#line-" + a2).getText()).contains("Did not appear")
                    .contains("У лазареті, прибуде наступним разом");
        });

        // The intermediary completes the handover; the report follows
        in(intermediary, () -> {
            open(roundPath + "/handover");
            assertThat(find("#summary-party-a .missing").getText()).isEqualTo("0");
            clickToLoad(find("#complete-submit"));
            assertThat(driver.getCurrentUrl()).endsWith(roundPath + "/report");
            assertThat(find("#executed").getText()).isEqualTo("The handover is completed: the round is executed.");
            assertThat(find("#figures-party-a .agreed").getText()).isEqualTo("2");
            assertThat(find("#figures-party-a .transferred").getText()).isEqualTo("1");
            assertThat(find("#figures-party-a .did-not-appear").getText()).isEqualTo("1");
            assertThat(find("#figures-party-b .transferred").getText()).isEqualTo("2");
            for (WebElement chart : findAll("figure.chart")) {
                chartMatchesItsTable(chart);
            }
            assertThat(findAll("#chart-sides svg.bar-chart rect")).hasSize(4);
            assertThat(find("#did-not-appear").getText()).contains("Волошка Іван")
                    .contains("У лазареті, прибуде наступним разом");
            shot("exchange-report");
        });

        // Everyone sees the round executed; the persons who crossed are exchanged, the one who did not appear is not
        in(partyB, () -> {
            open(roundPath);
            assertThat(find("#round-state").getText()).isEqualTo("Executed");
            clickToLoad(find("#report-link"));
            assertThat(find("#figures-party-b .agreed").getText()).isEqualTo("2");
        });
        open(roundPath);
        assertThat(find("#executed-on").getText()).contains("the round is executed");
        assertThat(find("#timeline").getText()).contains("Party A approved version 1 of the exchange list")
                .contains("Handover completed: the round is executed.");
        shot("exchange-round-executed");
        Caller reader = TestCallers.of(users, "registrar@party-a");
        assertThat(registry.get(reader, a1).status()).isEqualTo(Status.EXCHANGED);
        assertThat(registry.get(reader, a2).status()).isEqualTo(Status.CAPTURED);
        assertThat(registry.get(TestCallers.of(users, "registrar@party-b"), b2).status()).isEqualTo(Status.EXCHANGED);
    }
}
