package io.arbiter.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The artifact users run: starts the shaded jar built by {@code package} with {@code java -jar} on a free port,
 * embedded database, demo mode, in a working folder of its own — exactly as the README and the Docker image start
 * it — then signs in as every demo role in Chromium and walks every page that role's pages link to, and calls the
 * JSON API once per capability. Any 5xx, any page without its main heading, fails the build.
 *
 * <p>Runs in the {@code integration-test} phase (failsafe), after the jar exists; {@code mvn -B verify} runs it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedJarIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final int PHONE = 390;
    private static final int DESKTOP = 1280;
    /** Same-origin page links; downloads (.pdf/.csv/.ics) are checked by status and content type only. */
    /** What Chromium sends for a navigation, so downloads (CSV, PDF) are negotiated as a browser would. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern HREF = Pattern.compile("href=\"(/ui/[^\"#]*)\"");

    private Process service;
    private Path workDir;
    private Path log;
    private String base;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    void startJar() throws Exception {
        Path jar = Path.of(System.getProperty("arbiter.jar", "target/arbiter-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), "the packaged jar is missing: " + jar + " (run mvn package first)");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        workDir = Files.createTempDirectory("arbiter-jar-it");
        log = Path.of("target", "packaged-jar-it.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Duser.timezone=UTC", "-Xmx1g", "-jar", jar.toString())
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        // A user's fresh machine: no database settings (embedded H2 under ./data of the working folder), demo mode.
        env.keySet().removeIf(k -> k.startsWith("DATASOURCES_") || k.startsWith("ARBITER_") || k.startsWith("MICRONAUT_"));
        env.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        env.put("ARBITER_METRICS_TOKEN", METRICS_TOKEN); // as an operator turns GET /metrics on
        service = pb.start();
        base = "http://127.0.0.1:" + port;
        awaitHealthy();
    }

    @AfterAll
    void stopJar() throws Exception {
        if (service != null) {
            service.destroy();
            if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
    }

    private void awaitHealthy() throws Exception {
        Instant until = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(until)) {
            if (!service.isAlive()) {
                fail("the jar exited with " + service.exitValue() + " while starting; log:\n" + tail());
            }
            try {
                HttpResponse<String> r = get("/health", Map.of());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        fail("the jar did not report healthy within " + START_TIMEOUT + "; log:\n" + tail());
    }

    // ---------------------------------------------------------------- the jar itself

    /**
     * Dependencies ship Java 9–17 classes under META-INF/versions (FreeMarker's record support, OpenPDF's Java 17
     * build, Jackson, SnakeYAML, Logback, H2, Reactor); the JVM loads them only from a jar marked Multi-Release.
     */
    @Test
    void theJarLoadsItsDependenciesJavaVersionClasses() throws IOException {
        Path jar = Path.of(System.getProperty("arbiter.jar", "target/arbiter-0.1.0-SNAPSHOT.jar"));
        try (JarFile file = new JarFile(jar.toFile(), true, ZipFile.OPEN_READ, Runtime.version())) {
            assertTrue(file.isMultiRelease(), "the runnable jar's manifest lacks Multi-Release: true");
            // exists only under META-INF/versions/16: found by its plain name only in a multi-release jar
            assertTrue(file.getJarEntry("freemarker/core/_Java16Impl.class") != null, "FreeMarker's Java 16 support is hidden");
        }
    }

    // ---------------------------------------------------------------- browser: every page of every role

    @Test
    void everyPageOfEveryRoleRendersInTheBrowser() {
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("specialist", "specialist-demo");
        roles.put("attorney", "attorney-demo");
        roles.put("finance", "finance-demo");
        roles.put("admin", "admin-demo");
        // What each role must reach by following links from its landing page (ids folded to #).
        Map<String, List<String>> required = Map.of(
                "specialist", List.of("/ui/queue", "/ui/claims", "/ui/claims/#", "/ui/cases/#", "/ui/cases/#/packets/*.pdf",
                        "/ui/imports", "/ui/imports/#", "/ui/batches", "/ui/worklists/underpayments", "/ui/worklists/denials",
                        "/ui/waiting-for-facts", "/ui/calendar"),
                "attorney", List.of("/ui/attorney", "/ui/cases/#", "/ui/cases/#/packets/*.pdf"),
                "finance", List.of("/ui/finance", "/ui/finance/recoveries.csv", "/ui/finance/unmatched", "/ui/calendar"),
                "admin", List.of("/ui/admin"));
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> visited = new LinkedHashMap<>();
        for (Map.Entry<String, String> role : roles.entrySet()) {
            try (Browser browser = new Browser()) {
                WebDriver driver = browser.driver;
                String home = signIn(driver, role.getKey(), role.getValue());
                Map<String, String> cookie = Map.of("Cookie", driver.manage().getCookies().stream()
                        .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
                Set<String> shapes = walk(role.getKey(), home, driver, cookie, problems);
                visited.put(role.getKey(), shapes);
                browser.screenshot("jar-" + role.getKey() + "-home");
                for (String must : required.get(role.getKey())) {
                    if (!shapes.contains(must)) {
                        problems.add(role.getKey() + " never reached " + must + " (walked " + shapes + ")");
                    }
                }
            }
        }
        System.out.println("PackagedJarIT: pages walked per role " + visited);
        assertTrue(problems.isEmpty(), "pages of the packaged jar failed:\n" + String.join("\n", problems) + "\nlog tail:\n" + tail());
    }

    /**
     * The demo never ages (issue 21): created today, its open cases have their deadlines ahead — two due within the
     * week — except the one overdue by design (the auto insurer has not paid the PIP demand), and its cases stand in
     * many stages on every track.
     */
    @Test
    void theDemoStandsWhereItWasWrittenWhateverTheDay() throws Exception {
        String json = ok("/api/v1/cases?size=100", Map.of("Authorization", "Bearer " + token("specialist", "specialist-demo")));
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        List<String> overdue = new ArrayList<>();
        int dueThisWeek = 0;
        Set<String> stages = new LinkedHashSet<>();
        Set<String> tracks = new LinkedHashSet<>();
        for (String item : json.split("\\},\\{")) {
            String stage = field(item, "stage");
            String track = field(item, "track");
            String due = field(item, "nextDeadlineDate");
            stages.add(stage);
            tracks.add(track);
            if (due == null) {
                continue;
            }
            java.time.LocalDate date = java.time.LocalDate.parse(due);
            if (date.isBefore(today)) {
                overdue.add(track + " " + field(item, "nextDeadlineKey") + " " + due);
            } else if (!date.isAfter(today.plusDays(7))) {
                dueThisWeek++;
            }
        }
        assertEquals(List.of("TEXAS_PIP PAYMENT_DUE"), overdue.stream().map(o -> o.substring(0, o.lastIndexOf(' '))).toList(),
                "only the insurer's PIP payment is overdue: " + overdue);
        assertTrue(dueThisWeek >= 1, "a deadline due within the week: " + json);
        assertTrue(stages.size() >= 8, "cases in many stages: " + stages);
        assertTrue(tracks.containsAll(List.of("FEDERAL_IDR", "TEXAS_ARBITRATION", "TEXAS_PIP", "WORKERS_COMP", "COMMERCIAL_APPEAL")),
                "every track: " + tracks);
    }

    /**
     * Issue 17 on the artifact: the demo's payer money arrives in 835s through the real intake and the reconciliation shows
     * one of each way it comes — an award paid by reversal + corrected claim (PAID from the bank's record), a partial award
     * in a supplemental payment (the rest outstanding) restated by a second 835 (counted once, the import says so), a
     * settlement overpaid (excess queued), a paper check later seen in an 835 (confirmed), PLB interest and a claim Arbiter
     * never saw (queued), a denial overturned by a later payment (recovered).
     */
    @Test
    void theDemoShowsEveryWayPayerMoneyArrives() throws Exception {
        Map<String, String> finance = Map.of("Authorization", "Bearer " + token("finance", "finance-demo"));
        String queue = ok("/api/v1/reconciliation/unmatched", finance);
        for (String reason : List.of("OVERPAYMENT", "UNKNOWN_CLAIM", "PROVIDER_ADJUSTMENT")) {
            assertTrue(queue.contains("\"reason\":\"" + reason + "\""), reason + " in the unmatched queue: " + abbreviate(queue));
        }
        String cases = ok("/api/v1/reports/recoveries/cases", finance);
        boolean paidFromBank = false;
        boolean partial = false;
        boolean typedIn = false;
        Long confirmedCase = null;
        for (String item : cases.split("\\},\\{")) {
            double fromBank = number(item, "receivedFromRemittances");
            double manual = number(item, "receivedManually");
            double outstanding = number(item, "outstanding");
            String stage = field(item, "stage");
            paidFromBank |= "PAID".equals(stage) && fromBank > 0 && manual == 0;
            partial |= "DETERMINED".equals(stage) && fromBank > 0 && outstanding > 0;
            if (manual > 0) {
                typedIn = true;
                confirmedCase = (long) number(item, "id");
            }
        }
        assertTrue(paidFromBank, "an award paid from an 835 (PAID): " + abbreviate(cases));
        assertTrue(partial, "a partial award with the rest outstanding: " + abbreviate(cases));
        assertTrue(typedIn, "a payment typed in: " + abbreviate(cases));
        String casePage = ok("/ui/cases/" + confirmedCase, finance);
        assertTrue(casePage.contains("confirmed by an 835"), "the paper check was later seen in an 835, not counted twice");
        String imports = ok("/api/v1/imports?size=50", Map.of("Authorization", "Bearer " + token("specialist", "specialist-demo")));
        assertTrue(imports.contains("gulf-partial-award-restated-835.edi") && imports.contains("remittance already imported"),
                "the restated 835 is imported and says what it did not count again: " + abbreviate(imports));
        String recovered = ok("/api/v1/denials?status=RECOVERED", finance);
        assertTrue(recovered.contains("\"status\":\"RECOVERED\""), "a denial recovered by a later 835: " + abbreviate(recovered));
        String page = ok("/ui/finance", finance);
        assertTrue(page.contains("<table id=\"speed-table\">") && page.contains("ACME HEALTH PLAN"), "days from decision to payment by payer");
    }

    private static double number(String jsonObject, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(-?[0-9.]+)").matcher(jsonObject);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String field(String jsonObject, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(?:\"([^\"]*)\"|null)").matcher(jsonObject);
        return m.find() ? m.group(1) : null;
    }

    /**
     * A browser that meets a refusal, a missing record or a malformed address gets an HTML page of the application
     * — heading with the status, the same header, a way back to the user's start page — at both widths, never JSON.
     */
    @Test
    void errorPagesAreHtmlWithAWayBackForEveryRole() {
        Map<String, String> forbidden = new LinkedHashMap<>();
        forbidden.put("specialist", "/ui/admin");
        forbidden.put("attorney", "/ui/queue");
        forbidden.put("finance", "/ui/worklists/underpayments");
        forbidden.put("admin", null);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> role : forbidden.entrySet()) {
            try (Browser browser = new Browser()) {
                WebDriver driver = browser.driver;
                signIn(driver, role.getKey(), role.getKey() + "-demo");
                Map<String, Integer> pages = new LinkedHashMap<>();
                if (role.getValue() != null) {
                    pages.put(role.getValue(), 403);
                }
                pages.put("/ui/cases/987654321", 404);
                pages.put("/ui/no-such-screen", 404);
                pages.put("/ui/cases/not-a-number", 400);
                Map<String, String> cookie = Map.of("Cookie", driver.manage().getCookies().stream()
                        .map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; ")));
                for (Map.Entry<String, Integer> page : pages.entrySet()) {
                    String where = role.getKey() + " " + page.getKey();
                    HttpResponse<String> r = getUnchecked(page.getKey(), cookie);
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (r.statusCode() != page.getValue() || !type.startsWith("text/html")) {
                        problems.add(where + " → " + r.statusCode() + " " + type + ", expected " + page.getValue() + " text/html");
                    }
                    driver.get(base + page.getKey());
                    List<org.openqa.selenium.WebElement> h1 = driver.findElements(By.cssSelector("main h1"));
                    if (h1.isEmpty() || !h1.get(0).getText().contains("(" + page.getValue() + ")")) {
                        problems.add(where + " → heading " + (h1.isEmpty() ? "missing" : h1.get(0).getText()));
                    }
                    if (driver.findElements(By.cssSelector("main a[href='/']")).isEmpty()) {
                        problems.add(where + " → no way back to the start page");
                    }
                    if (driver.findElements(By.cssSelector("header.top")).isEmpty()) {
                        problems.add(where + " → not the application's page frame");
                    }
                    fitsPhoneAndDesktop(where, driver, problems);
                }
                browser.screenshot("jar-" + role.getKey() + "-error");
            }
        }
        assertTrue(problems.isEmpty(), "error pages of the packaged jar:\n" + String.join("\n", problems));
    }

    /**
     * Breadth-first over the links of the role's pages, one page per path shape (ids folded), at most 60: each HTML
     * page must answer 200 with a main heading in Chromium; each download must answer 200 with its content type.
     */
    private Set<String> walk(String role, String start, WebDriver driver, Map<String, String> cookie, List<String> problems) {
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        Set<String> shapes = new LinkedHashSet<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        Set<String> paths = new LinkedHashSet<>();
        int pages = 0;
        while (!queue.isEmpty() && pages < 80) {
            String path = queue.removeFirst();
            String shape = shape(path);
            if (!paths.add(path) || seen.merge(shape, 1, Integer::sum) > perShape(shape)) {
                continue;
            }
            shapes.add(shape);
            HttpResponse<String> r = getUnchecked(path, cookie);
            if (r.statusCode() >= 500) {
                problems.add(role + " " + path + " → " + r.statusCode());
                continue;
            }
            if (isDownload(path)) {
                String type = r.headers().firstValue("Content-Type").orElse("");
                // A packet that still lacks facts redirects to its case with the missing fields named: not an error.
                if (r.statusCode() != 200 && r.statusCode() != 303) {
                    problems.add(role + " " + path + " → " + r.statusCode());
                } else if (r.statusCode() == 200 && !(type.startsWith("application/pdf") || type.startsWith("text/csv")
                        || type.startsWith("text/calendar"))) {
                    problems.add(role + " " + path + " → unexpected content type " + type);
                }
                continue;
            }
            if (r.statusCode() != 200) {
                problems.add(role + " " + path + " → " + r.statusCode());
                continue;
            }
            pages++;
            driver.get(base + path);
            List<org.openqa.selenium.WebElement> h1 = driver.findElements(By.cssSelector("main h1"));
            String heading = h1.isEmpty() ? "" : h1.get(0).getText().trim();
            if (heading.isEmpty()) {
                problems.add(role + " " + path + " → no main heading");
            } else if (heading.startsWith("Something went wrong") || heading.matches(".*\\(5\\d\\d\\)$")) {
                problems.add(role + " " + path + " → " + heading);
            }
            fitsPhoneAndDesktop(role + " " + path, driver, problems);
            Matcher m = HREF.matcher(driver.getPageSource());
            while (m.find()) {
                String link = m.group(1).replace("&amp;", "&");
                if (!link.startsWith("/ui/logout")) {
                    queue.addLast(link);
                }
            }
        }
        return shapes;
    }

    /**
     * The page fits a 390 px phone and a 1280 px desktop without scrolling sideways: wide tables scroll inside their
     * own box (issue 21). Leaves the window at 1280 px.
     */
    private static void fitsPhoneAndDesktop(String page, WebDriver driver, List<String> problems) {
        for (int width : new int[] {PHONE, DESKTOP}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long inner = ((Number) js.executeScript("return window.innerWidth;")).longValue();
            long overflow = ((Number) js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;")).longValue();
            if (width == PHONE && inner > PHONE + 10) {
                problems.add(page + " → the browser would not narrow to " + PHONE + " px (inner width " + inner + ")");
            }
            if (overflow > 1) {
                problems.add(page + " → scrolls sideways by " + overflow + " px at " + width + " px");
            }
        }
    }

    private String signIn(WebDriver driver, String user, String password) {
        driver.get(base + "/");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form[action='/ui/login'] button[type=submit]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> path(d.getCurrentUrl()).startsWith("/ui/"));
        return path(driver.getCurrentUrl());
    }

    /** Every case page (each track renders its own sections) and a few packets; one page of every other shape. */
    private static int perShape(String shape) {
        return switch (shape) {
            case "/ui/cases/#" -> 20;
            case "/ui/cases/#/packets/*.pdf" -> 3;
            default -> 1;
        };
    }

    private static boolean isDownload(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.endsWith(".pdf") || p.endsWith(".csv") || p.endsWith(".ics") || p.contains("/documents/");
    }

    /**
     * "/ui/claims/17?page=2" and "/ui/claims/18" are one shape: ids and query values do not make new pages; every
     * packet of a case is one download shape.
     */
    private static String shape(String path) {
        String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        return p.replaceAll("/\\d+", "/#").replaceAll("/packets/[^/]+\\.pdf$", "/packets/*.pdf");
    }

    private static String path(String url) {
        URI u = URI.create(url);
        return u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    // ---------------------------------------------------------------- JSON API: health, login, a read per capability

    @Test
    void jsonApiAnswersForEveryCapability() throws Exception {
        HttpResponse<String> health = get("/health", Map.of());
        assertEquals(200, health.statusCode());
        String specialist = token("specialist", "specialist-demo");
        String finance = token("finance", "finance-demo");
        String admin = token("admin", "admin-demo");
        Map<String, String> asSpecialist = Map.of("Authorization", "Bearer " + specialist);

        String claims = ok("/api/v1/claims", asSpecialist);
        long claimId = firstId(claims);
        String cases = ok("/api/v1/cases", asSpecialist);
        long caseId = firstId(cases);
        List<String> reads = List.of(
                "/api/v1/claims/" + claimId,
                "/api/v1/claims/" + claimId + "/track",
                "/api/v1/claims/" + claimId + "/eligibility",
                "/api/v1/claims/" + claimId + "/pricing",
                "/api/v1/claims/" + claimId + "/auth-check",
                "/api/v1/findings",
                "/api/v1/benchmarks",
                "/api/v1/fee-schedules",
                "/api/v1/imports",
                "/api/v1/cases/" + caseId,
                "/api/v1/cases/" + caseId + "/packets",
                "/api/v1/cases/" + caseId + "/offer-suggestion",
                "/api/v1/denials",
                "/api/v1/prior-auths",
                "/api/v1/rules",
                "/api/v1/practices",
                "/api/v1/payers",
                "/api/v1/fees/estimate?initiationDate=2026-11-02&disputeType=SINGLE&lineCount=1",
                "/openapi.yml");
        List<String> problems = new ArrayList<>();
        for (String read : reads) {
            HttpResponse<String> r = get(read, asSpecialist);
            if (r.statusCode() != 200) {
                problems.add(read + " → " + r.statusCode() + " " + abbreviate(r.body()));
            }
        }
        HttpResponse<String> deadlines = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/deadlines/calculate"))
                .header("Authorization", "Bearer " + specialist).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"track\":\"FEDERAL_IDR\",\"events\":{\"INITIAL_PAYMENT_RECEIVED\":\"2026-09-01\"}}")));
        if (deadlines.statusCode() != 200 || !deadlines.body().contains("OPEN_NEGOTIATION_NOTICE_DUE")) {
            problems.add("POST /api/v1/deadlines/calculate → " + deadlines.statusCode() + " " + abbreviate(deadlines.body()));
        }
        expectOk("/api/v1/reports/recoveries", finance, problems);
        expectOk("/api/v1/users", admin, problems);
        expectOk("/api/v1/reports/audit", admin, problems);
        assertTrue(problems.isEmpty(), "API reads of the packaged jar failed:\n" + String.join("\n", problems));
    }

    // ---------------------------------------------------------------- metrics, as a Prometheus scraper reads them

    private static final String METRICS_TOKEN = "packaged-jar-metrics-token";
    /** What Prometheus 2.x/3.x sends when it scrapes. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,"
            + "text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    /**
     * GET /metrics of the jar on the embedded database: refused without the token; with it, Prometheus text with the
     * latency of the health checks by route, the demo's imports counted (lines and durations, through the real intake)
     * and the queue gauges read from H2.
     */
    @Test
    void theMetricsEndpointAnswersPrometheusText() throws Exception {
        assertEquals(401, get("/metrics", Map.of()).statusCode());
        HttpResponse<String> r = get("/metrics", Map.of("Authorization", "Bearer " + METRICS_TOKEN));
        assertEquals(200, r.statusCode(), abbreviate(r.body()));
        assertTrue(r.headers().firstValue("Content-Type").orElse("").replace(" ", "").startsWith("text/plain;version=0.0.4"),
                r.headers().toString());
        String text = r.body();
        List<String> missing = new ArrayList<>();
        for (String expected : List.of("http_server_requests_seconds_count{method=\"GET\",status=\"200\",uri=\"/health\"}",
                "arbiter_import_lines_total{format=\"X12_835\"}",
                "arbiter_import_duration_seconds_count{format=\"X12_835\",status=\"COMPLETED\"}",
                "arbiter_work_queue_depth 0.0", "arbiter_work_queue_oldest_age_seconds 0.0", "jvm_memory_used_bytes")) {
            if (!text.contains(expected)) {
                missing.add(expected);
            }
        }
        assertTrue(missing.isEmpty(), "missing from the jar's metrics: " + missing + "\n" + abbreviate(text));
    }

    // ---------------------------------------------------------------- the demo's packets, as documents to send

    /** Where an outgoing document may point (rules/primary-sources.yml). */
    private static final List<String> PRIMARY = List.of("https://uscode.house.gov/", "https://www.ecfr.gov/",
            "https://www.federalregister.gov/d/", "https://www.cms.gov/", "https://statutes.capitol.texas.gov/",
            "https://www.law.cornell.edu/regulations/texas/28-tex-admin-code-", "https://x12.org/codes/", "https://www.tdi.texas.gov/");

    /**
     * Issue 20's "done when", on the artifact users run: the demo has a ready packet of every type (the workers' comp
     * MAR is entered per line as the billing team would: Arbiter has no 2026 DWC conversion factor to compute it with);
     * every ready packet downloads as a PDF that never says "unverified" and links only to primary sources.
     */
    @Test
    void demoPacketsAreDocumentsToSend() throws Exception {
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token("specialist", "specialist-demo"));
        String cases = ok("/api/v1/cases?size=100", auth);
        Matcher ids = Pattern.compile("\"id\"\\s*:\\s*(\\d+)\\s*,\\s*\"caseNumber\"").matcher(cases);
        Set<String> ready = new java.util.TreeSet<>();
        Set<String> notReady = new java.util.TreeSet<>();
        List<String> problems = new ArrayList<>();
        Pattern packet = Pattern.compile("\"type\":\"(\\w+)\",\"title\":\"[^\"]*\",\"href\":\"([^\"]+)\",\"ready\":(true|false)");
        while (ids.find()) {
            Matcher p = packet.matcher(ok("/api/v1/cases/" + ids.group(1) + "/packets", auth));
            while (p.find()) {
                if (!"true".equals(p.group(3))) {
                    notReady.add(p.group(1));
                    continue;
                }
                ready.add(p.group(1));
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + p.group(2))).timeout(Duration.ofSeconds(60));
                auth.forEach(b::header);
                HttpResponse<byte[]> pdf = http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (pdf.statusCode() != 200) {
                    problems.add(p.group(2) + " → " + pdf.statusCode());
                    continue;
                }
                String text;
                try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
                    text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
                }
                if (text.toLowerCase(java.util.Locale.ROOT).contains("unverified")) {
                    problems.add(p.group(2) + " says unverified");
                }
                // A long link wraps in the PDF ("https://uscode." / "house.gov/..."): rejoin lines broken after . / or - or before /.
                Matcher url = Pattern.compile("https?://\\S+").matcher(text.replaceAll("([./\\-])\\r?\\n", "$1")
                        .replaceAll("\\r?\\n(?=/)", ""));
                while (url.find()) {
                    String u = url.group().toLowerCase(java.util.Locale.ROOT);
                    if (PRIMARY.stream().noneMatch(u::startsWith)) {
                        problems.add(p.group(2) + " links to " + url.group());
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(Set.of("COMMERCIAL_APPEAL", "FEE_RECEIPT_SUMMARY", "IDR_INITIATION_DATA_SHEET", "OFFER_BRIEF",
                "OPEN_NEGOTIATION_NOTICE", "TEXAS_ARBITRATION_REQUEST", "TEXAS_PIP_DEMAND", "WC_MFDR", "WC_RECONSIDERATION"), ready, "ready demo packets; not ready: " + notReady);
    }

    /**
     * Issue 15 on the artifact: the demo's second practice has its own specialist, finance lead and attorney; they see
     * its nine claims and nothing of the first practice (cases, claims, reports), whose records answer 404 to them.
     */
    @Test
    void theSecondPracticesUsersSeeOnlyTheirPractice() throws Exception {
        Map<String, String> lonestar = Map.of("Authorization", "Bearer " + token("specialist", "specialist-demo"));
        long lonestarCase = firstId(ok("/api/v1/cases?size=1", lonestar));
        long lonestarClaim = firstId(ok("/api/v1/claims?patientControlNumber=LSDEMO0001", lonestar));
        for (String user : List.of("gulf.specialist", "gulf.finance")) {
            Map<String, String> gulf = Map.of("Authorization", "Bearer " + token(user, user + "-demo"));
            String claims = ok("/api/v1/claims?size=100", gulf);
            assertTrue(claims.contains("GCDEMO0001") && !claims.contains("LSDEMO"), user + ": " + abbreviate(claims));
            assertTrue(Pattern.compile("\"total\"\\s*:\\s*9[,}]").matcher(claims).find(), user + " sees the nine Gulf Coast claims: "
                    + abbreviate(claims));
            assertTrue(!ok("/api/v1/cases?size=100", gulf).contains("ARB-"), user + " sees no Lone Star case");
            assertEquals(404, get("/api/v1/cases/" + lonestarCase, gulf).statusCode());
            assertEquals(404, get("/api/v1/claims/" + lonestarClaim, gulf).statusCode());
            assertTrue(!ok("/api/v1/reports/audit", gulf).contains("LSDEMO"), user + ": the audit report is the practice's own");
        }
    }

    private void expectOk(String path, String token, List<String> problems) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, Map.of("Authorization", "Bearer " + token));
        if (r.statusCode() != 200) {
            problems.add(path + " → " + r.statusCode() + " " + abbreviate(r.body()));
        }
    }

    private String token(String user, String password) throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
        assertEquals(200, r.statusCode(), "login of " + user + ": " + r.body());
        Matcher m = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), "no access token for " + user + ": " + r.body());
        return m.group(1);
    }

    private String ok(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, headers);
        assertEquals(200, r.statusCode(), path + ": " + abbreviate(r.body()));
        return r.body();
    }

    private static long firstId(String json) {
        Matcher m = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(json);
        assertTrue(m.find(), "no id in " + abbreviate(json));
        return Long.parseLong(m.group(1));
    }

    // ---------------------------------------------------------------- plumbing

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", path.startsWith("/ui/") ? BROWSER_ACCEPT : path.endsWith(".yml") ? "*/*"
                        : path.equals("/metrics") ? PROMETHEUS_ACCEPT : "application/json");
        headers.forEach(b::header);
        return send(b.GET());
    }

    private HttpResponse<String> getUnchecked(String path, Map<String, String> headers) {
        try {
            return get(path, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
