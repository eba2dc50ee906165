package io.arbiter.web;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The browser journeys in Debian's headless Chromium against the embedded server and MariaDB:
 * specialist imports an 835, opens an underpaid NSA claim as a case and starts open negotiation; the attorney
 * downloads the shared case's packet and cannot reach an unshared one; finance sees the reports API's totals.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserTest {

    static final String SPECIALIST = "sam.specialist";
    static final String ATTORNEY = "alex.attorney";
    static final String FINANCE = "fran.finance";
    static final String PASSWORD = "correct horse battery 42";

    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject TestClock clock;
    @Inject WebTestData data;
    @Inject @Client("/") HttpClient http;

    Browser browser;
    WebDriver driver;
    String base;
    long sharedCaseId;
    long unsharedCaseId;

    @BeforeAll
    void start() {
        // The 835 paid on 2026-10-08: "today" is 12 days later, inside the 30-business-day window to start open negotiation.
        clock.today(LocalDate.of(2026, 10, 20));
        accounts.ensure(SPECIALIST, PASSWORD, Roles.SPECIALIST);
        accounts.ensure(ATTORNEY, PASSWORD, Roles.ATTORNEY);
        accounts.ensure(FINANCE, PASSWORD, Roles.FINANCE);
        base = "http://localhost:" + server.getPort();
        browser = new Browser();
        driver = browser.driver;
    }

    @AfterAll
    void stop() {
        clock.reset();
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void specialistImportsAnOpensACaseAndStartsOpenNegotiation() throws Exception {
        driver.get(base + "/ui/queue");
        assertEquals(base + "/", driver.getCurrentUrl(), "an anonymous visitor is sent to the login form");
        browser.screenshot("01-login");
        login(SPECIALIST);
        assertTrue(driver.getCurrentUrl().endsWith("/ui/queue"), driver.getCurrentUrl());
        assertTrue(text().contains("Work queue"));

        go(By.linkText("Imports"));
        driver.findElement(By.id("file")).sendKeys(new File("src/test/resources/fixtures/x12/acme-self-funded-835.edi").getAbsolutePath());
        go(By.id("upload"));
        waitFor(d -> d.findElement(By.id("import-status")).getText().equals("COMPLETED"));
        assertEquals("24", driver.findElement(By.id("import-claims")).getText(), "the fixture's 24 CLP claims");
        assertTrue(text().contains("Import completed."));
        browser.screenshot("02-import");
        go(By.linkText("Imports"));
        assertTrue(text().contains("acme-self-funded-835.edi"));
        browser.screenshot("03-imports");

        go(By.linkText("Claims"));
        driver.findElement(By.id("q")).sendKeys("LS03000002");
        go(By.cssSelector("form[role=search] button"));
        go(By.linkText("LS03000002"));
        String claim = text();
        assertTrue(claim.contains("Federal IDR"), "an NSA claim at an in-network ASC goes to federal IDR");
        assertTrue(claim.contains("non-emergency services by a non-participating provider at a participating facility"),
                "N865 in plain words");
        assertTrue(claim.contains("$19,000.00") && claim.contains("$1,942.56"), "charge and paid of the 63650 line");
        browser.screenshot("04-claim");

        go(By.id("open-case"));
        assertTrue(driver.getCurrentUrl().contains("/ui/cases/"), driver.getCurrentUrl());
        sharedCaseId = Long.parseLong(driver.getCurrentUrl().replaceAll(".*/ui/cases/(\\d+).*", "$1"));
        assertTrue(text().contains("opened."));

        // event-form.js: only the inputs that apply to the chosen event are shown (and posted).
        Select eventType = new Select(driver.findElement(By.id("ev-type")));
        eventType.selectByValue("OPEN_NEGOTIATION_STARTED");
        assertFalse(driver.findElement(By.id("ev-amount")).isDisplayed(), "no amount for a date-only event");
        assertFalse(driver.findElement(By.id("ev-fee")).isDisplayed());
        assertFalse(driver.findElement(By.id("ev-outcome")).isDisplayed());
        for (WebElement option : eventType.getOptions()) {
            String fields = option.getAttribute("data-fields");
            if (fields != null && fields.contains("money")) {
                eventType.selectByValue(option.getAttribute("value"));
                assertTrue(driver.findElement(By.id("ev-amount")).isDisplayed(), option.getAttribute("value") + " takes an amount");
                assertEquals(fields.contains("fee"), driver.findElement(By.id("ev-fee")).isDisplayed());
                assertEquals(fields.contains("decision"), driver.findElement(By.id("ev-outcome")).isDisplayed());
                break;
            }
        }
        eventType.selectByValue("OPEN_NEGOTIATION_STARTED");
        go(By.cssSelector("form[action$='/events'] button[type=submit]"));
        waitFor(d -> !d.getCurrentUrl().contains("opened"));
        String page = text();
        assertTrue(page.contains("OPEN_NEGOTIATION_STARTED recorded."), page);
        assertTrue(page.contains("Open negotiation ends"), "the 30-business-day open negotiation deadline is shown");
        assertTrue(page.contains("IDR initiation due"), "and the 4-business-day IDR initiation deadline after it");
        String due = driver.findElement(By.xpath("//tr[td[1][normalize-space()='Open negotiation ends']]/td[2]")).getText();
        assertTrue(due.matches("\\d{2}/\\d{2}/\\d{4}.*"), "the due date is shown: " + due);
        browser.screenshot("05-case");

        // The raw 835 is not something a packet can carry: refused at upload, with the reason (issue 21).
        driver.findElement(By.id("doc-file")).sendKeys(new File("src/test/resources/fixtures/x12/acme-self-funded-835.edi").getAbsolutePath());
        new Select(driver.findElement(By.id("doc-kind"))).selectByValue("EOB");
        driver.findElement(By.id("doc-title")).sendKeys("Acme ERA 2026-10-08");
        go(By.id("doc-upload"));
        assertTrue(text().contains("is not a PDF, PNG or JPEG file"), text());
        // The payer's EOB as PDF is attached.
        File eob = File.createTempFile("acme-eob-", ".pdf");
        eob.deleteOnExit();
        try (var out = new java.io.FileOutputStream(eob)) {
            com.lowagie.text.Document doc = new com.lowagie.text.Document();
            com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(new com.lowagie.text.Paragraph("EXPLANATION OF BENEFITS — ACME HEALTH PLAN — claim ERA0030000002"));
            doc.close();
        }
        driver.findElement(By.id("doc-file")).sendKeys(eob.getAbsolutePath());
        new Select(driver.findElement(By.id("doc-kind"))).selectByValue("EOB");
        driver.findElement(By.id("doc-title")).clear();
        driver.findElement(By.id("doc-title")).sendKeys("Acme ERA 2026-10-08");
        go(By.id("doc-upload"));
        assertTrue(text().contains("Document attached.") && text().contains("Acme ERA 2026-10-08"), text());

        new Select(driver.findElement(By.id("sh-user"))).selectByVisibleText(ATTORNEY);
        go(By.cssSelector("form[action$='/shares'] button"));
        assertTrue(text().contains("Shared with " + ATTORNEY + "."));

        // Packet details: the notice lists what is missing, each linked to its form field; filling them makes it ready.
        data.set837Facts(sharedCaseId);
        driver.get(base + "/ui/cases/" + sharedCaseId);
        assertTrue(driver.findElements(By.cssSelector("a[data-packet='" + WebTestData.PACKET + "']")).isEmpty(), "not ready yet");
        driver.findElement(By.cssSelector("[data-packet-missing='" + WebTestData.PACKET + "'] a[href='#pd-practice-contactName']")).click();
        driver.findElement(By.id("pd-practice-contactName")).sendKeys("Maria Delgado, revenue cycle manager");
        driver.findElement(By.id("pd-practice-email")).sendKeys("disputes@lonestarspine.example");
        driver.findElement(By.id("pd-practice-phone")).sendKeys("713-555-0142");
        browser.screenshot("11-packet-details");
        go(By.id("pd-save"));
        assertTrue(text().contains("Packet details saved (3 fields)"), text());
        assertFalse(driver.findElements(By.cssSelector("a[data-packet='" + WebTestData.PACKET + "']")).isEmpty(), "ready after the form");
        data.makePacketReady(sharedCaseId); // asserts readiness the same way the API does
        unsharedCaseId = data.openCase("LS03000009", SPECIALIST);
        driver.get(base + "/ui/queue");
        assertTrue(text().contains(data.caseNumber(sharedCaseId)) && text().contains(data.caseNumber(unsharedCaseId)));
        browser.screenshot("06-queue");
        logout();
    }

    @Test
    @Order(2)
    void attorneyDownloadsTheSharedPacketAndCannotReachAnotherCase() throws Exception {
        login(ATTORNEY);
        assertTrue(driver.getCurrentUrl().endsWith("/ui/attorney"));
        String home = text();
        assertTrue(home.contains(data.caseNumber(sharedCaseId)));
        assertFalse(home.contains(data.caseNumber(unsharedCaseId)), "only shared cases are listed");
        browser.screenshot("07-attorney");
        go(By.linkText(data.caseNumber(sharedCaseId)));
        assertFalse(text().contains("Record what happened"), "attorneys cannot change the case");
        browser.screenshot("08-attorney-case");
        driver.findElement(By.cssSelector("a[data-packet='" + WebTestData.PACKET + "']")).click();
        Path pdf = waitForDownload();
        byte[] head = Files.readAllBytes(pdf);
        assertEquals("%PDF", new String(head, 0, 4), "a PDF arrives in the download folder");

        driver.get(base + "/ui/cases/" + unsharedCaseId);
        assertTrue(text().contains("404") || text().contains("Not Found"), text());
        driver.get(base + "/ui/cases/" + unsharedCaseId + "/packets/" + WebTestData.PACKET + ".pdf");
        assertTrue(text().contains("404") || text().contains("Not Found"), text());
        driver.get(base + "/");
        logout();
    }

    @Test
    @Order(3)
    void financeDashboardMatchesTheRecoveriesReport() {
        data.settleAndPay(unsharedCaseId, LocalDate.of(2026, 10, 20), new BigDecimal("2500.00"));
        login(FINANCE);
        assertTrue(driver.getCurrentUrl().endsWith("/ui/finance"));
        BlockingHttpClient api = http.toBlocking();
        String token = accounts.token(api, Roles.FINANCE);
        Map<?, ?> report = api.retrieve(HttpRequest.GET("/api/v1/reports/recoveries").bearerAuth(token), Map.class);
        Map<?, ?> totals = (Map<?, ?>) report.get("totals");
        for (String k : List.of("recovered", "outstanding", "fees", "net")) {
            assertEquals(money(totals.get(k)), driver.findElement(By.id("kpi-" + k)).getText(), k);
        }
        assertTrue(new BigDecimal(totals.get("recovered").toString()).signum() > 0, "the settled, paid case shows as recovered: " + totals);
        browser.screenshot("09-finance");
        logout();
    }

    @Test
    @Order(4)
    void adminCreatesAUserAndRotatesTheCalendarFeed() {
        accounts.ensure("ada.admin", PASSWORD, Roles.ADMIN);
        login("ada.admin");
        go(By.linkText("Admin"));
        driver.findElement(By.id("nu-username")).sendKeys("rita.attorney");
        driver.findElement(By.id("nu-name")).sendKeys("Rita Attorney");
        driver.findElement(By.id("nu-password")).sendKeys("a-long-initial-password-7");
        driver.findElement(By.cssSelector("input[name=role][value=ATTORNEY]")).click();
        go(By.cssSelector("form[action='/ui/admin/users'] button"));
        assertTrue(text().contains("User rita.attorney created."));
        go(By.linkText("Calendar"));
        go(By.cssSelector("button[value=rotate]"));
        assertTrue(driver.findElement(By.id("cal-url")).getAttribute("value").matches("http://localhost:\\d+/calendar/.+\\.ics"));
        assertTrue(!driver.getCurrentUrl().contains("token"), driver.getCurrentUrl());
        go(By.linkText("Admin"));
        browser.screenshot("10-admin");

        // A benchmark file with a bad row: rejected whole, each error with its line and column.
        driver.findElement(By.id("im-bench")).sendKeys(new File("src/test/resources/fixtures/web/benchmarks-bad-row.csv").getAbsolutePath());
        go(By.id("im-bench-go"));
        String errors = driver.findElement(By.id("import-errors")).getText();
        assertTrue(errors.contains("line 3, column \"kind\""), errors);
        browser.screenshot("12-admin-import-errors");

        go(By.linkText("Batches"));
        assertTrue(text().contains("Batch proposals") && text().contains("Lines left out"));
        browser.screenshot("13-batches");
        logout();
    }

    private static String money(Object v) {
        return "$" + new DecimalFormat("#,##0.00").format(new BigDecimal(v.toString()));
    }

    private void login(String username) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        go(By.cssSelector("form[action='/ui/login'] button"));
        waitFor(d -> d.getCurrentUrl().contains("/ui/"));
    }

    private void logout() {
        go(By.cssSelector("form[action='/ui/logout'] button"));
        waitFor(d -> d.findElements(By.id("password")).size() == 1);
        assertTrue(text().contains("You are signed out."));
        driver.get(base + "/ui/queue");
        assertEquals(base + "/", driver.getCurrentUrl(), "the cookie is gone after signing out");
    }

    /** Clicks something that loads a new page and waits until the old page is gone and the new one is ready. */
    private void go(By target) {
        org.openqa.selenium.WebElement old = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        waitFor(d -> {
            try {
                old.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true; // stale, or "node does not belong to the document" while the new page replaces it
            }
        });
        waitFor(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("failed");
            throw new AssertionError("timed out on " + driver.getCurrentUrl() + ":\n" + driver.getPageSource(), e);
        }
    }

    private Path waitForDownload() throws Exception {
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            try (Stream<Path> files = Files.list(browser.downloads)) {
                var done = files.filter(p -> p.toString().endsWith(".pdf")).findFirst();
                if (done.isPresent() && Files.size(done.get()) > 0) {
                    return done.get();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no PDF downloaded into " + browser.downloads);
    }
}
