package io.arbiter.cases;

import io.arbiter.common.BulkInsert;
import io.arbiter.common.Jdbc;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import io.arbiter.practice.PracticeRepository;
import io.arbiter.rules.Track;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.KeepAliveGet;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The work-queue load benchmark's seed and driver, shared by {@code WorkQueueLoadBenchmark} (100,000 cases, 50 clients,
 * 60 s per scenario) and its smoke version {@code WorkQueueLoadTest} (a small seed, a few seconds, in the normal suite).
 *
 * <p>The seed: dispute cases over three practices, eight payers, four tracks (70 % federal IDR), every stage of each
 * track's workflow (about 70 % of cases open), twelve specialists and some cases unassigned, next deadlines spread
 * from two weeks overdue to ten weeks ahead (none on closed cases, 3 % of open cases without one); each case 1–3
 * claims and 10 lines on average (10 % single-line, the rest 6–16), with its claims' lines, three deadlines, three
 * events and three eligibility gates. Rows go in through {@link BulkInsert} (LOAD DATA LOCAL from memory on MariaDB)
 * with explicit ids, foreign-key checks off for the load only.
 *
 * <p>The driver: N client threads (a fixed pool; no virtual threads on Java 17) each send one request after another
 * for a fixed time, either over HTTP to the embedded server or as the plain SQL query that returns the same rows on
 * a JDBC connection of their own (the baseline). Latency is per request; an error is a non-2xx answer, an exception,
 * or an answer that fails the scenario's check.
 */
final class WorkQueueLoad {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static final String[] CODES = {"64483", "64484", "62323", "64493", "64635", "64490", "62321", "63650"};
    static final String[] ZIPS = {"752041000", "770301000", "787011000", "761041000"};
    static final String[] CLOSED = {"CLOSED", "WITHDRAWN", "INELIGIBLE", "PAID", "SETTLED"};
    static final int ASSIGNEES = 12;

    private WorkQueueLoad() {
    }

    /** What the seed made, for building requests. */
    record Seed(int cases, long lines, long claims, long firstCaseId, long lastCaseId, List<String> payerNames,
                List<String> assignees, List<String> pcns, double seconds) {

        String assignee(Random r) {
            return assignees.get(r.nextInt(assignees.size()));
        }
    }

    static String assigneeName(int i) {
        return String.format(Locale.ROOT, "spec.%02d", i + 1);
    }

    static Seed seed(Jdbc jdbc, ClaimFixtures fixtures, PracticeRepository practiceRepository, int n) throws SQLException {
        long t0 = System.nanoTime();
        List<Practice> practices = List.of(fixtures.practice(), fixtures.otherPractice(),
                practiceRepository.findByBillingNpi("1003000126").orElseGet(() ->
                        practiceRepository.save(Practice.create("HILL COUNTRY PAIN CENTER PA", "741111111", "1003000126"))));
        String[][] payerDefs = {{"AETNA LIFE INSURANCE", "60054"}, {"UNITEDHEALTHCARE", "87726"}, {"CIGNA HEALTH", "62308"},
            {"BLUE CROSS BLUE SHIELD OF TEXAS", "84980"}, {"HUMANA", "61101"}, {"UMR", "39026"}, {"MERITAIN HEALTH", "64157"},
            {"LONE STAR COMP", "LSCMP"}};
        List<Payer> payers = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        for (String[] p : payerDefs) {
            Payer payer = fixtures.payer(p[0], p[1]);
            payers.add(payer);
            plans.add(fixtures.plan(payer, p[1].equals("LSCMP") ? PlanType.WORKERS_COMP : PlanType.SELF_FUNDED_ERISA,
                    p[1].equals("LSCMP") ? "TX" : null));
        }
        List<String> assignees = new ArrayList<>();
        for (int i = 0; i < ASSIGNEES; i++) {
            assignees.add(assigneeName(i));
        }
        long[] base = jdbc.read(c -> new long[] {next(c, "dispute_case"), next(c, "claim"), next(c, "claim_line"), next(c, "case_line"),
            next(c, "case_deadline"), next(c, "case_event"), next(c, "case_eligibility_gate")});
        Random random = new Random(18);
        LocalDateTime now = LocalDateTime.of(2026, 12, 1, 6, 0);
        List<String> pcns = new ArrayList<>();
        long[] counts = new long[2]; // claims, lines
        int chunk = 5_000;
        for (int from = 0; from < n; from += chunk) {
            int start = from;
            int end = Math.min(n, from + chunk);
            jdbc.inTransaction(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("SET foreign_key_checks = 0");
                }
                try {
                    seedChunk(c, random, start, end, base, practices, payers, plans, assignees, now, pcns, counts);
                } finally {
                    try (Statement st = c.createStatement()) {
                        st.execute("SET foreign_key_checks = 1");
                    }
                }
                return null;
            });
        }
        jdbc.read(c -> {
            try (Statement st = c.createStatement()) {
                if (c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("maria")
                        || c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("mysql")) {
                    st.execute("ANALYZE TABLE dispute_case, claim, claim_line, case_line, case_deadline, case_event, case_eligibility_gate");
                }
            }
            return null;
        });
        // a sample of claim numbers to search for
        List<String> sample = new ArrayList<>();
        Random pick = new Random(7);
        for (int i = 0; i < Math.min(2_000, pcns.size()); i++) {
            sample.add(pcns.get(pick.nextInt(pcns.size())));
        }
        return new Seed(n, counts[1], counts[0], base[0], base[0] + n - 1, payers.stream().map(Payer::name).toList(), assignees, sample,
                (System.nanoTime() - t0) / 1e9);
    }

    private static long next(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void seedChunk(Connection c, Random random, int from, int to, long[] base, List<Practice> practices, List<Payer> payers,
                                  List<Plan> plans, List<String> assignees, LocalDateTime now, List<String> pcns, long[] counts)
            throws SQLException {
        BulkInsert cases = new BulkInsert(c, "dispute_case", "id", "case_number", "practice_id", "payer_id", "track", "stage", "assignee",
                "primary_code", "service_region", "initial_payment_date", "billed", "initial_paid", "cost_sharing", "expected", "qpa",
                "provider_offer", "payer_offer", "determination", "outcome", "next_deadline_date", "next_deadline_key", "created_at",
                "updated_at");
        BulkInsert claims = new BulkInsert(c, "claim", "id", "practice_id", "payer_id", "plan_id", "patient_control_number",
                "payer_claim_control_number", "claim_status_code", "frequency_code", "service_date_from", "service_date_to", "place_of_service",
                "facility_network_status", "service_zip", "service_state", "rendering_npi", "billing_npi", "diagnosis_codes", "total_charge",
                "total_paid", "patient_responsibility", "payment_date", "created_at", "updated_at");
        BulkInsert claimLines = new BulkInsert(c, "claim_line", "id", "claim_id", "line_number", "procedure_code", "units", "charge",
                "allowed", "paid", "service_date", "created_at", "updated_at");
        BulkInsert caseLines = new BulkInsert(c, "case_line", "id", "case_id", "claim_id", "claim_line_id", "procedure_code", "service_date",
                "billed", "allowed", "paid", "cost_sharing", "expected");
        BulkInsert deadlines = new BulkInsert(c, "case_deadline", "id", "case_id", "deadline_key", "due_date", "day_type", "day_count",
                "from_key", "from_date", "citation", "rule_version", "met");
        BulkInsert events = new BulkInsert(c, "case_event", "id", "case_id", "type", "event_date", "amount", "note", "actor",
                "stage_before", "stage_after", "created_at");
        BulkInsert gates = new BulkInsert(c, "case_eligibility_gate", "id", "case_id", "ordinal", "name", "status", "reason", "citation");
        BigDecimal charge = new BigDecimal("2400.00");
        BigDecimal allowed = new BigDecimal("336.00");
        BigDecimal paid = new BigDecimal("268.80");
        BigDecimal share = new BigDecimal("67.20");
        for (int i = from; i < to; i++) {
            long caseId = base[0] + i;
            int r = random.nextInt(100);
            Track track = r < 70 ? Track.FEDERAL_IDR : r < 80 ? Track.TEXAS_ARBITRATION : r < 90 ? Track.WORKERS_COMP : Track.COMMERCIAL_APPEAL;
            List<CaseStage> path = CaseWorkflow.forTrack(track).mainPath().stream().filter(s -> s != CaseStage.DRAFT && s.open()).toList();
            boolean open = random.nextInt(100) < 70;
            CaseStage stage = open ? path.get(random.nextInt(path.size())) : CaseStage.valueOf(CLOSED[random.nextInt(CLOSED.length)]);
            int practice = random.nextInt(10) < 5 ? 0 : random.nextInt(5) < 3 ? 1 : 2;
            int payer = track == Track.WORKERS_COMP ? 7 : random.nextInt(7);
            String code = CODES[random.nextInt(CODES.length)];
            String zip = ZIPS[random.nextInt(ZIPS.length)];
            LocalDate dos = TODAY.minusDays(40 + random.nextInt(200));
            LocalDate paidOn = dos.plusDays(14 + random.nextInt(17));
            int lineCount = random.nextInt(10) == 0 ? 1 : 6 + random.nextInt(11);
            int claimCount = lineCount == 1 ? 1 : 1 + random.nextInt(3);
            LocalDate due = open && random.nextInt(100) >= 3 ? TODAY.plusDays(-15 + random.nextInt(91)) : null;
            String deadlineKey = due == null ? null : track.name() + "." + (stage.name().endsWith("DECIDED") || stage == CaseStage.DETERMINED
                    ? "PAYMENT_DUE" : "NEXT_STEP_DUE");
            boolean decided = stage == CaseStage.DETERMINED || stage == CaseStage.DECIDED || stage == CaseStage.MFDR_DECIDED
                    || stage == CaseStage.APPEAL_DECIDED || stage == CaseStage.RECONSIDERATION_DECIDED || stage == CaseStage.PAID
                    || stage == CaseStage.PAYMENT_OVERDUE || (stage == CaseStage.CLOSED && random.nextBoolean());
            BigDecimal billed = charge.multiply(BigDecimal.valueOf(lineCount));
            BigDecimal initialPaid = paid.multiply(BigDecimal.valueOf(lineCount));
            BigDecimal determination = decided ? BigDecimal.valueOf(90_000 + random.nextInt(60_000), 2).multiply(BigDecimal.valueOf(lineCount)) : null;
            String assignee = random.nextInt(100) < 8 ? null : assignees.get(random.nextInt(assignees.size()));
            cases.add(caseId).add(String.format(Locale.ROOT, "ARB-2026-Q%06d", i)).add(practices.get(practice).id()).add(payers.get(payer).id())
                    .add(track.name()).add(stage.name()).add(assignee).add(code).add(zip.substring(0, 3)).add(paidOn).add(billed)
                    .add(initialPaid).add(share.multiply(BigDecimal.valueOf(lineCount))).add(initialPaid.multiply(BigDecimal.valueOf(3)))
                    .add(allowed.multiply(BigDecimal.valueOf(lineCount))).add(decided || random.nextBoolean() ? initialPaid.multiply(BigDecimal.valueOf(4)) : null)
                    .add(decided ? initialPaid.multiply(BigDecimal.valueOf(2)) : null).add(determination)
                    .add(decided ? (random.nextInt(10) < 7 ? "WON" : "LOST") : stage == CaseStage.SETTLED ? "SETTLED"
                            : stage == CaseStage.WITHDRAWN ? "WITHDRAWN" : stage == CaseStage.INELIGIBLE ? "INELIGIBLE" : null)
                    .add(due).add(deadlineKey).add(now).add(now);
            cases.endRow();
            for (int k = 0; k < claimCount; k++) {
                long claimId = base[1] + counts[0]++;
                int linesHere = lineCount / claimCount + (k < lineCount % claimCount ? 1 : 0);
                String pcn = String.format(Locale.ROOT, "Q%09d", claimId);
                pcns.add(pcn);
                claims.add(claimId).add(practices.get(practice).id()).add(payers.get(payer).id()).add(plans.get(payer).id()).add(pcn)
                        .add(String.format(Locale.ROOT, "E%011d", claimId)).add("1").add("1").add(dos).add(dos).add("24").add("IN_NETWORK")
                        .add(zip).add("TX").add("2345678900").add(practices.get(practice).billingNpi()).add("M5416,M4806")
                        .add(charge.multiply(BigDecimal.valueOf(linesHere))).add(paid.multiply(BigDecimal.valueOf(linesHere)))
                        .add(share.multiply(BigDecimal.valueOf(linesHere))).add(paidOn).add(now).add(now);
                claims.endRow();
                for (int l = 1; l <= linesHere; l++) {
                    long lineId = base[2] + counts[1];
                    long caseLineId = base[3] + counts[1]++;
                    String lineCode = l == 1 ? code : CODES[random.nextInt(CODES.length)];
                    claimLines.add(lineId).add(claimId).add(l).add(lineCode).add(BigDecimal.ONE).add(charge).add(allowed).add(paid).add(dos)
                            .add(now).add(now);
                    claimLines.endRow();
                    caseLines.add(caseLineId).add(caseId).add(claimId).add(lineId).add(lineCode).add(dos).add(charge).add(allowed).add(paid)
                            .add(share).add(paid.multiply(BigDecimal.valueOf(3)));
                    caseLines.endRow();
                }
            }
            long d = base[4] + 3L * i;
            LocalDate noticeDue = paidOn.plusDays(30);
            deadlines.add(d).add(caseId).add(track.name() + ".NOTICE_DUE").add(noticeDue).add("BUSINESS").add(30).add("INITIAL_PAYMENT_RECEIVED")
                    .add(paidOn).add("45 CFR 149.510(b)(1)(i)").add("bench-1").add(true);
            deadlines.endRow();
            LocalDate nextDue = due != null ? due : noticeDue.plusDays(30);
            deadlines.add(d + 1).add(caseId).add(deadlineKey != null ? deadlineKey : track.name() + ".NEXT_STEP_DUE").add(nextDue)
                    .add("BUSINESS").add(4).add("NOTICE_DUE").add(noticeDue).add("45 CFR 149.510(b)(2)(i)").add("bench-1").add(due == null);
            deadlines.endRow();
            deadlines.add(d + 2).add(caseId).add(track.name() + ".LATER_STEP_DUE").add(nextDue.plusDays(30)).add("CALENDAR").add(30)
                    .add("NEXT_STEP_DUE").add(nextDue).add("45 CFR 149.510(c)(4)(i)").add("bench-1").add(!open);
            deadlines.endRow();
            long e = base[5] + 3L * i;
            events.add(e).add(caseId).add("INITIAL_PAYMENT_RECEIVED").add(paidOn).add(initialPaid).addNull().add("intake")
                    .addNull().addNull().add(now);
            events.endRow();
            events.add(e + 1).add(caseId).add("NOTE").add(paidOn.plusDays(3)).addNull().add("Called the payer; waiting for the QPA.")
                    .add(assignee == null ? "spec.01" : assignee).addNull().addNull().add(now);
            events.endRow();
            events.add(e + 2).add(caseId).add("NOTE").add(paidOn.plusDays(9)).addNull().add("Moved to " + stage.name() + ".")
                    .add(assignee == null ? "spec.01" : assignee).add("OPEN_NEGOTIATION").add(stage.name()).add(now);
            events.endRow();
            long g = base[6] + 3L * i;
            String[] gateNames = {"Out-of-network service", "Initial payment or denial on file", "Within the filing window"};
            for (int k = 0; k < 3; k++) {
                gates.add(g + k).add(caseId).add(k).add(gateNames[k]).add("PASS").add("The claim shows it.").add("42 U.S.C. 300gg-111");
                gates.endRow();
            }
        }
        cases.execute();
        claims.execute();
        claimLines.execute();
        caseLines.execute();
        deadlines.execute();
        events.execute();
        gates.execute();
    }

    /** Every {@code every}-th position of the whole queue (next deadline first, none last), as [date or null, id]. */
    static List<Object[]> positions(Connection c, int every) throws SQLException {
        List<Object[]> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT next_deadline_date, id FROM dispute_case "
                + "ORDER BY CASE WHEN next_deadline_date IS NULL THEN 1 ELSE 0 END, next_deadline_date, id")) {
            int i = 0;
            while (rs.next()) {
                if (i++ % every == every / 2) {
                    java.sql.Date d = rs.getDate(1);
                    out.add(new Object[] {d == null ? null : d.toLocalDate(), rs.getLong(2)});
                }
            }
        }
        return out;
    }

    /** What a run measured: each scenario's HTTP result and its baseline's. */
    record Run(Seed seed, List<Result[]> results, String cpu, double loadBefore, double loadAfter, int checked) {

        String table(int clients, double seconds) {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "%nWorkQueueLoadBenchmark: %,d cases, %,d case lines, %,d claims (seeded in %.1f s); "
                    + "%d clients, %.0f s per run; %d answers checked against the plain SQL first%n", seed.cases(), seed.lines(), seed.claims(),
                    seed.seconds(), clients, seconds, checked));
            b.append(String.format(Locale.ROOT, "  %-32s %9s %7s %8s %8s %8s %8s %6s %10s%n", "scenario (ms)", "requests", "req/s", "p50", "p95",
                    "p99", "max", "errors", "client CPU"));
            for (Result[] r : results) {
                b.append(String.format(Locale.ROOT, "  %-32s %s%n", r[0].name(), r[0].row()));
                b.append(String.format(Locale.ROOT, "  %-32s %s%n", "  baseline: plain SQL", r[1].row()));
            }
            b.append(String.format(Locale.ROOT, "  load average (1 min) before/after: %.2f / %.2f on %d cores; timed runs used %s%n", loadBefore,
                    loadAfter, Runtime.getRuntime().availableProcessors(), cpu));
            for (Result[] r : results) {
                for (Result x : r) {
                    if (x.firstError() != null) {
                        b.append("  first error of ").append(x.name()).append(": ").append(x.firstError()).append('\n');
                    }
                }
            }
            return b.toString();
        }

        long errors() {
            return results.stream().flatMap(Arrays::stream).mapToLong(Result::errors).sum();
        }
    }

    /**
     * Seeds {@code cases} cases, signs a specialist in, checks {@code checks} answers of every scenario against the
     * plain SQL, warms up, then runs each scenario's baseline and HTTP requests for {@code seconds} each.
     */
    static Run run(Jdbc jdbc, ClaimFixtures fixtures, PracticeRepository practices, io.arbiter.support.TestAccounts accounts,
                   String baseUrl, int cases, int clients, double seconds, double warmup, int checks, java.util.Set<String> only) throws Exception {
        Seed seed = seed(jdbc, fixtures, practices, cases);
        List<Object[]> positions = jdbc.read(c -> positions(c, Math.max(1, cases / 200)));
        List<Scenario> scenarios = scenarios(seed, positions).stream().filter(s -> only.isEmpty() || only.stream()
                .anyMatch(o -> s.name().contains(o))).toList();
        String url = jdbc.read(c -> c.getMetaData().getURL());
        String user = System.getenv().getOrDefault("ARBITER_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("ARBITER_TEST_DB_PASSWORD", "");
        accounts.ensure("bench.specialist", "pw-bench-specialist-1", io.arbiter.security.Roles.SPECIALIST);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String bearer = bearer(http, baseUrl);
        String cookie = cookie(http, baseUrl);
        // every scenario's answers are the plain SQL's rows, before anything is timed
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        Random random = new Random(3);
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            for (Scenario s : scenarios) {
                int found = 0;
                for (int i = 0; i < checks; i++) {
                    Request req = s.next(random);
                    List<Long> expected = req.baseline(c);
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + req.path())).GET();
                    b = s.html() ? b.header("Accept", "text/html").header("Cookie", cookie)
                            : b.header("Accept", "application/json").header("Authorization", "Bearer " + bearer);
                    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                    String problem = r.statusCode() != 200 ? "HTTP " + r.statusCode() + ": " + abbreviate(r.body())
                            : req.check(r.body(), expected);
                    if (problem != null) {
                        wrong.add(s.name() + " " + req.path() + ": " + problem);
                    }
                    found += expected.isEmpty() ? 0 : 1;
                    checked++;
                }
                if (found == 0) {
                    wrong.add(s.name() + ": the plain SQL found no rows in " + checks + " requests");
                }
            }
        }
        if (!wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " answers differ from the plain SQL:\n" + String.join("\n", wrong.subList(0,
                    Math.min(10, wrong.size()))));
        }
        for (Scenario s : warmup > 0 ? scenarios : List.<Scenario>of()) { // warm-up: the JIT compiles the paths, both pools fill
            http(baseUrl, bearer, cookie, s, clients, warmup);
            baseline(url, user, password, s, clients, warmup / 2);
        }
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        io.arbiter.support.CpuMeter cpu = new io.arbiter.support.CpuMeter();
        List<Result[]> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            Result base = baseline(url, user, password, s, clients, seconds);
            Result over = http(baseUrl, bearer, cookie, s, clients, seconds);
            results.add(new Result[] {over, base});
        }
        double loadAfter = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Run(seed, results, cpu.since(), loadBefore, loadAfter, checked);
    }

    private static String bearer(HttpClient http, String baseUrl) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"bench.specialist\",\"password\":\"pw-bench-specialist-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (r.statusCode() != 200 || !m.find()) {
            throw new AssertionError("sign-in failed: HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return m.group(1);
    }

    private static String cookie(HttpClient http, String baseUrl) throws Exception {
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/ui/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=bench.specialist&password=pw-bench-specialist-1")).build(),
                HttpResponse.BodyHandlers.ofString());
        String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no session cookie: HTTP " + ok.statusCode()));
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    // ---- the driver ---------------------------------------------------------------------------------------------

    /** One request of a scenario: an HTTP path (API or page) and the plain SQL that reads the same rows. */
    interface Request {
        /** The path to GET, e.g. {@code /api/v1/cases?size=50}. */
        String path();

        /** Runs the plain SQL on {@code c}, reading every column; returns the ids of the rows, in order. */
        List<Long> baseline(Connection c) throws SQLException;

        /** Whether an answer's body shows exactly the rows {@code expected} (checked before the timed runs); null if so. */
        String check(String body, List<Long> expected);
    }

    interface Scenario {
        String name();

        boolean html();

        Request next(Random random);
    }

    // ---- the scenarios ------------------------------------------------------------------------------------------

    static final String SUMMARY = "c.id, c.case_number, c.track, c.stage, c.assignee, p.name payer_name, c.primary_code, c.billed, "
            + "c.initial_paid, c.payments_received, c.next_deadline_key, c.next_deadline_date, c.batched";
    static final String OPEN = "c.stage NOT IN ('CLOSED','WITHDRAWN','INELIGIBLE','PAID','SETTLED')";

    /**
     * The queue's rows as one plain query: cases with a next deadline by (date, id), then those without by id, as two
     * index-ordered branches; {@code after} is a keyset position ({@code [date or null, id]}) or null.
     */
    static List<Long> queueRows(Connection c, String where, List<Object> args, Object[] after, int limit, long offset) throws SQLException {
        String cols = SUMMARY.replace("p.name payer_name", "p.name AS payer_name");
        String dated = " AND c.next_deadline_date IS NOT NULL";
        String undated = " AND c.next_deadline_date IS NULL";
        List<Object> a1 = new ArrayList<>(args);
        List<Object> a2 = new ArrayList<>(args);
        if (after != null && after[0] != null) {
            dated += " AND c.next_deadline_date >= ? AND (c.next_deadline_date > ? OR c.id > ?)";
            a1.addAll(List.of(after[0], after[0], after[1]));
        } else if (after != null) {
            dated += " AND 1=0";
            undated += " AND c.id > ?";
            a2.add(after[1]);
        }
        long upTo = offset + limit;
        String sql = "SELECT * FROM ((SELECT " + cols + ", 0 AS k FROM dispute_case c LEFT JOIN payer p ON p.id = c.payer_id WHERE " + where + dated
                + " ORDER BY c.next_deadline_date, c.id LIMIT " + upTo + ") UNION ALL (SELECT " + cols + ", 1 AS k FROM dispute_case c "
                + "LEFT JOIN payer p ON p.id = c.payer_id WHERE " + where + undated + " ORDER BY c.id LIMIT " + upTo + ")) q "
                + "ORDER BY k, next_deadline_date, id LIMIT " + limit + " OFFSET " + offset;
        List<Object> all = new ArrayList<>(a1);
        all.addAll(a2);
        return rows(c, sql, all);
    }

    /** Runs {@code sql}, reading every column of every row (the baseline pays for decoding them, like the app); the "id" column's values. */
    static List<Long> rows(Connection c, String sql, List<Object> args) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    out.add(rs.getLong("id"));
                }
            }
        }
        return out;
    }

    /** The ids of the items of a paged JSON answer ({@code {"items":[{"id":1,...},...],...}}), in order. */
    static List<Long> jsonIds(String body) {
        List<Long> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"id\":(\\d+),").matcher(body);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    static String compare(List<Long> actual, List<Long> expected) {
        return actual.equals(expected) ? null : "expected ids " + abbreviate(expected.toString()) + ", got " + abbreviate(actual.toString());
    }

    /** The keyset cursor of a queue position, as {@code GET /api/v1/cases?after=} takes it: {@code 2026-12-15_123} or {@code none_123}. */
    static String cursor(Object[] position) {
        return (position[0] == null ? "none" : position[0].toString()) + "_" + position[1];
    }

    static Request queueRequest(String query, String where, List<Object> args, Object[] after, int size, long offset) {
        return new Request() {
            @Override
            public String path() {
                return "/api/v1/cases?" + query;
            }

            @Override
            public List<Long> baseline(Connection c) throws SQLException {
                return queueRows(c, where, args, after, size, offset);
            }

            @Override
            public String check(String body, List<Long> expected) {
                return compare(jsonIds(body), expected);
            }
        };
    }

    static Scenario scenario(String name, boolean html, java.util.function.Function<Random, Request> next) {
        return new Scenario() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean html() {
                return html;
            }

            @Override
            public Request next(Random random) {
                return next.apply(random);
            }
        };
    }

    /** The open stages the seed uses: those of the four tracks' main paths. */
    static final List<String> OPEN_STAGES = java.util.stream.Stream.of(Track.FEDERAL_IDR, Track.TEXAS_ARBITRATION, Track.WORKERS_COMP,
            Track.COMMERCIAL_APPEAL).flatMap(t -> CaseWorkflow.forTrack(t).mainPath().stream()).filter(s -> s != CaseStage.DRAFT && s.open())
            .map(Enum::name).distinct().toList();

    /**
     * Every scenario by name: the queue API's first page, a filtered page (a specialist's open cases due within 30 days,
     * or one stage of theirs), a deep page by offset and by keyset cursor ({@code positions}: queue positions spread over
     * the whole queue), the queue page, the case page, and the claims search (by claim number; one in four a payer's
     * page of paid claims).
     */
    static List<Scenario> scenarios(Seed seed, List<Object[]> positions) {
        int pages = Math.max(1, seed.cases() / 50);
        return List.of(
                scenario("queue API, first page", false, r -> queueRequest("size=50", "1=1", List.of(), null, 50, 0)),
                scenario("queue API, filtered", false, r -> {
                    String who = seed.assignee(r);
                    if (r.nextBoolean()) {
                        LocalDate before = TODAY.plusDays(30);
                        return queueRequest("stage=OPEN&assignee=" + who + "&dueBefore=" + before + "&size=50",
                                OPEN + " AND c.assignee = ? AND c.next_deadline_date < ?", List.of(who, before), null, 50, 0);
                    }
                    String stage = OPEN_STAGES.get(r.nextInt(OPEN_STAGES.size()));
                    return queueRequest("stage=" + stage + "&assignee=" + who + "&size=50", "c.stage = ? AND c.assignee = ?",
                            List.of(stage, who), null, 50, 0);
                }),
                scenario("queue API, deep page (offset)", false, r -> {
                    int page = r.nextInt(pages);
                    return queueRequest("page=" + page + "&size=50", "1=1", List.of(), null, 50, page * 50L);
                }),
                scenario("queue API, deep page (keyset)", false, r -> {
                    Object[] at = positions.get(r.nextInt(positions.size()));
                    return queueRequest("after=" + cursor(at) + "&size=50", "1=1", List.of(), at, 50, 0);
                }),
                scenario("queue page /ui/queue", true, r -> new Request() {
                    @Override
                    public String path() {
                        return "/ui/queue";
                    }

                    @Override
                    public List<Long> baseline(Connection c) throws SQLException {
                        return queueRows(c, OPEN, List.of(), null, 200, 0);
                    }

                    @Override
                    public String check(String body, List<Long> expected) {
                        List<Long> shown = new ArrayList<>();
                        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"/ui/cases/(\\d+)\">").matcher(body);
                        while (m.find()) {
                            shown.add(Long.parseLong(m.group(1)));
                        }
                        return compare(shown, expected);
                    }
                }),
                scenario("case page /ui/cases/{id}", true, r -> {
                    long id = seed.firstCaseId() + r.nextInt(seed.cases());
                    return new Request() {
                        @Override
                        public String path() {
                            return "/ui/cases/" + id;
                        }

                        @Override
                        public List<Long> baseline(Connection c) throws SQLException {
                            List<Long> one = rows(c, "SELECT c.*, p.name FROM dispute_case c LEFT JOIN payer p ON p.id = c.payer_id WHERE c.id = ?",
                                    List.of(id));
                            rows(c, "SELECT * FROM case_line WHERE case_id = ? ORDER BY id", List.of(id));
                            rows(c, "SELECT * FROM case_deadline WHERE case_id = ? ORDER BY due_date", List.of(id));
                            rows(c, "SELECT * FROM case_event WHERE case_id = ? ORDER BY id", List.of(id));
                            rows(c, "SELECT * FROM case_eligibility_gate WHERE case_id = ? ORDER BY ordinal", List.of(id));
                            return one;
                        }

                        @Override
                        public String check(String body, List<Long> expected) {
                            String number = String.format(Locale.ROOT, "ARB-2026-Q%06d", id - seed.firstCaseId());
                            return body.contains("<h1>" + number + " ") ? null : "the page does not show " + number;
                        }
                    };
                }),
                scenario("claims search", false, r -> {
                    if (r.nextInt(4) > 0) {
                        String pcn = seed.pcns().get(r.nextInt(seed.pcns().size()));
                        // a claim number is unique per practice: the index starts with the practice
                        return claimsRequest("patientControlNumber=" + pcn, "c.practice_id IN (SELECT id FROM practice) "
                                + "AND c.patient_control_number = ?", List.of(pcn), 0);
                    }
                    String payer = seed.payerNames().get(r.nextInt(seed.payerNames().size()));
                    int page = r.nextInt(20);
                    return claimsRequest("payer=" + java.net.URLEncoder.encode(payer, java.nio.charset.StandardCharsets.UTF_8)
                            + "&status=1&page=" + page + "&size=50", "c.payer_id = (SELECT id FROM payer WHERE name = ?) "
                            + "AND c.claim_status_code = '1'", List.of(payer), page * 50);
                }));
    }

    static Request claimsRequest(String query, String where, List<Object> args, int offset) {
        return new Request() {
            @Override
            public String path() {
                return "/api/v1/claims?" + query;
            }

            @Override
            public List<Long> baseline(Connection c) throws SQLException {
                return rows(c, "SELECT c.id, c.patient_control_number, c.payer_claim_control_number, p.name, c.service_date_from, "
                        + "c.place_of_service, c.total_charge, c.total_paid, c.claim_status_code FROM claim c LEFT JOIN payer p ON p.id = c.payer_id "
                        + "WHERE " + where + " ORDER BY c.id LIMIT 50 OFFSET " + offset, args);
            }

            @Override
            public String check(String body, List<Long> expected) {
                return compare(jsonIds(body), expected);
            }
        };
    }

    /** Latencies in microseconds, sorted, with errors and the wall time they were taken over. */
    record Result(String name, long[] micros, long errors, double seconds, String firstError, long clientCpuNanos) {

        long percentile(double p) {
            if (micros.length == 0) {
                return 0;
            }
            int rank = (int) Math.ceil(p / 100.0 * micros.length);
            return micros[Math.max(0, Math.min(micros.length - 1, rank - 1))];
        }

        double rate() {
            return micros.length / seconds;
        }

        String row() {
            return String.format(Locale.ROOT, "%,9d %7.1f %8.1f %8.1f %8.1f %8.1f %6d %10.3f", micros.length, rate(), percentile(50) / 1000.0,
                    percentile(95) / 1000.0, percentile(99) / 1000.0, micros.length == 0 ? 0.0 : micros[micros.length - 1] / 1000.0, errors,
                    micros.length == 0 ? 0.0 : clientCpuNanos / 1e6 / micros.length);
        }
    }

    /**
     * Sends a scenario's requests over HTTP from {@code clients} threads for {@code seconds}, each thread on a keep-alive
     * connection of its own ({@link KeepAliveGet}: the load generator shares the cores with the server it measures).
     */
    static Result http(String baseUrl, String bearer, String cookie, Scenario scenario, int clients, double seconds)
            throws Exception {
        KeepAliveGet[] connections = new KeepAliveGet[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = new KeepAliveGet(baseUrl, 30_000);
        }
        String[] json = {"Accept: application/json", "Authorization: Bearer " + bearer};
        String[] html = {"Accept: text/html", "Cookie: " + cookie};
        try {
            return drive(scenario.name(), clients, seconds, worker -> {
                Request req = scenario.next(ThreadLocalRandom.current());
                KeepAliveGet.Answer r = connections[worker].get(req.path(), scenario.html() ? html : json);
                if (r.status() / 100 != 2) {
                    return "HTTP " + r.status() + " for " + req.path() + ": " + abbreviate(r.body());
                }
                return r.body().isEmpty() ? "empty answer for " + req.path() : null;
            });
        } finally {
            for (KeepAliveGet c : connections) {
                c.close();
            }
        }
    }

    /** Runs the same scenario's plain SQL from {@code clients} threads, each on a JDBC connection of its own. */
    static Result baseline(String url, String user, String password, Scenario scenario, int clients, double seconds) throws Exception {
        Connection[] connections = new Connection[clients];
        for (int i = 0; i < clients; i++) {
            connections[i] = DriverManager.getConnection(url, user, password);
        }
        try {
            return drive(scenario.name() + " (SQL)", clients, seconds, worker -> {
                Request req = scenario.next(ThreadLocalRandom.current());
                req.baseline(connections[worker]);
                return null;
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    interface Call {
        /** One request; returns null when it succeeded, or what went wrong. */
        String run(int worker) throws Exception;
    }

    private static Result drive(String name, int clients, double seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long[][] perWorker = new long[clients][];
        int[] counts = new int[clients];
        long[] errors = new long[clients];
        long[] clientCpu = new long[clients];
        String[] firstError = new String[clients];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long stop = start + (long) (seconds * 1e9);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < clients; w++) {
                int worker = w;
                futures.add(pool.submit(() -> {
                    long[] lat = new long[4096];
                    int n = 0;
                    long cpu0 = threads.getCurrentThreadCpuTime(); // the client's own work: it sends and reads on this thread
                    while (System.nanoTime() < stop) {
                        long t = System.nanoTime();
                        String problem;
                        try {
                            problem = call.run(worker);
                        } catch (Exception e) {
                            problem = e.toString();
                        }
                        long micros = (System.nanoTime() - t) / 1000;
                        if (problem != null) {
                            errors[worker]++;
                            if (firstError[worker] == null) {
                                firstError[worker] = problem;
                            }
                        }
                        if (n == lat.length) {
                            lat = Arrays.copyOf(lat, n * 2);
                        }
                        lat[n++] = micros;
                    }
                    clientCpu[worker] = threads.getCurrentThreadCpuTime() - cpu0;
                    perWorker[worker] = lat;
                    counts[worker] = n;
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double wall = (System.nanoTime() - start) / 1e9;
        long[] all = new long[Arrays.stream(counts).sum()];
        int at = 0;
        for (int w = 0; w < clients; w++) {
            System.arraycopy(perWorker[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        String first = Arrays.stream(firstError).filter(s -> s != null).findFirst().orElse(null);
        return new Result(name, all, Arrays.stream(errors).sum(), wall, first, Arrays.stream(clientCpu).sum());
    }

    static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
