package io.arbiter.security;

import io.arbiter.claims.Claim;
import io.arbiter.support.CaseApi;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15's authorization walk: every operation of the served OpenAPI document, sent by each role and without a
 * token, with the ids of a real claim and case that are <em>not</em> shared with the attorney. What each role may
 * reach is written here from the role model (docs/security.md), independently of the {@code @Secured} annotations it
 * checks: a 2xx outside it fails, and so does a 401/403 inside it for the roles that own the route. The ids are real,
 * so a 404 means "not yours", which is what an attorney must get for an unshared case.
 */
@MicronautTest(transactional = false)
class AuthorizationWalkTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    /** Anyone, signed in or not. */
    private static boolean open(HttpMethod m, String path) {
        return path.equals("/health") || path.equals("/openapi.yml") || path.equals("/api/v1/login") || path.equals("/login");
    }

    /**
     * What every signed-in user may do: their own account and calendar token, and the calculators and rule tables,
     * which hold no patient data (published rules, deadline arithmetic on given dates, fee estimates).
     */
    private static boolean self(HttpMethod m, String path) {
        return path.startsWith("/api/v1/me") || path.startsWith("/api/v1/users/me/") || path.equals("/logout")
                || path.equals("/api/v1/logout") || (m == HttpMethod.GET && path.startsWith("/api/v1/rules"))
                || path.equals("/api/v1/fees/estimate") || path.equals("/api/v1/deadlines/calculate");
    }

    /** The role model: attorneys read the packets of cases shared with them (none here), and their own account. */
    private static final BiPredicate<HttpMethod, String> ATTORNEY = (m, p) -> open(m, p) || self(m, p)
            || (m == HttpMethod.GET && p.equals("/api/v1/cases")); // the list of shared cases, empty here (checked below)

    /**
     * Finance: money and outcomes, read-only — reports, cases and claims with their findings, denials and
     * authorisations (the audit report is built from them), and the reference data amounts come from. Not the
     * specialist's working tools (offer suggestions, documentation checklists) and nothing that changes a record — except
     * their own unmatched-payments queue (issue 17), where assigning a payment to a case or denial is finance's job.
     */
    private static final BiPredicate<HttpMethod, String> FINANCE = (m, p) -> open(m, p) || self(m, p)
            || (m == HttpMethod.GET && !p.endsWith("/offer-suggestion") && !p.endsWith("/documentation")
                && (p.startsWith("/api/v1/reports") || p.startsWith("/api/v1/cases") || p.startsWith("/api/v1/claims")
                || p.startsWith("/api/v1/findings") || p.startsWith("/api/v1/denials") || p.startsWith("/api/v1/prior-auths")
                || p.startsWith("/api/v1/payers") || p.startsWith("/api/v1/practices") || p.startsWith("/api/v1/benchmarks")
                || p.startsWith("/api/v1/fee-schedules")))
            || p.startsWith("/api/v1/reconciliation");

    /** Administration only: users, audit log, practice settings and payer policies, fee-schedule and benchmark loads. */
    private static boolean adminOnly(HttpMethod m, String path) {
        return (path.startsWith("/api/v1/users") && !path.startsWith("/api/v1/users/me/")) || path.startsWith("/api/v1/audit-events")
                || (path.startsWith("/api/v1/practices") && m != HttpMethod.GET)
                || (path.startsWith("/api/v1/payers/") && path.endsWith("/policies") && m != HttpMethod.GET)
                || (path.startsWith("/api/v1/fee-schedules") && m != HttpMethod.GET)
                || (path.startsWith("/api/v1/benchmarks") && m != HttpMethod.GET);
    }

    private static final BiPredicate<HttpMethod, String> SPECIALIST = (m, p) -> !adminOnly(m, p)
            && !p.startsWith("/api/v1/reconciliation"); // finance's queue

    @Test
    @SuppressWarnings("unchecked")
    void noRoleReachesARouteOutsideItsPartOfTheRoleModel() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        String attorney = accounts.token(client, Roles.ATTORNEY);
        String finance = accounts.token(client, Roles.FINANCE);
        Claim claim = fixtures.nsaTfesiClaim("LSAUTHZ01");
        clock.today(LocalDate.of(2026, 10, 9));
        long caseId = new CaseApi(client, specialist, clock).openId(claim.id(), "2026-10-09");
        clock.reset();

        Map<String, Object> doc = new Yaml().load(client.retrieve(HttpRequest.GET("/openapi.yml")));
        List<String> failures = new ArrayList<>();
        TreeSet<String> reachedByFinance = new TreeSet<>();
        int sent = 0;
        for (var path : ((Map<String, Map<String, Object>>) doc.get("paths")).entrySet()) {
            String template = path.getKey();
            if (template.startsWith("/calendar")) {
                continue; // token-addressed, no bearer: covered by CalendarFeedTest
            }
            String url = template.replace("{id}", Long.toString(caseId)).replace("{claimId}", claim.id().toString())
                    .replaceAll("\\{[^}]+}", "1");
            for (String verb : path.getValue().keySet()) {
                HttpMethod m = HttpMethod.parse(verb.toUpperCase());
                if (template.contains("logout")) {
                    continue; // would revoke the walk's own tokens
                }
                sent += 4;
                check(client, null, "anonymous", m, url, template, (mm, p) -> open(mm, p), failures, null);
                check(client, attorney, "attorney", m, url, template, ATTORNEY, failures, null);
                check(client, finance, "finance", m, url, template, FINANCE, failures, reachedByFinance);
                check(client, specialist, "specialist", m, url, template, SPECIALIST, failures, null);
            }
        }
        Map<String, Object> shared = client.retrieve(HttpRequest.GET("/api/v1/cases").bearerAuth(attorney), Map.class);
        assertTrue(((List<?>) shared.get("items")).isEmpty(), "an attorney lists no case that is not shared: " + shared);
        assertTrue(sent > 200, "the walk covered the document: " + sent);
        System.out.println("AuthorizationWalkTest: " + sent + " requests; finance reached " + reachedByFinance);
        assertTrue(failures.isEmpty(), failures.size() + " unexpected answers:\n" + String.join("\n", failures));
    }

    /**
     * The same walk as a specialist, finance lead and attorney of another practice, with the ids of this practice's claim
     * and case: no route addressed by them answers 2xx, no 2xx body (lists, reports, searches) carries the claim, and a
     * case cannot be opened on it. The same calls by a user of the claim's practice succeed (the ids are real).
     */
    @Test
    @SuppressWarnings("unchecked")
    void noUserOfAnotherPracticeReachesThisPracticesRecords() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST); // every practice
        Claim claim = fixtures.nsaTfesiClaim("LSSCOPE01");
        clock.today(LocalDate.of(2026, 10, 9));
        CaseApi api = new CaseApi(client, specialist, clock);
        long caseId = api.openId(claim.id(), "2026-10-09");
        api.event(caseId, "OPEN_NEGOTIATION_STARTED", "2026-10-12", null);
        clock.reset();
        Long other = fixtures.otherPractice().id();
        Long own = fixtures.practice().id();
        String ownSpecialist = accounts.tokenInPractices(client, "own-specialist", Roles.SPECIALIST, own);
        Map<String, String> outsiders = new java.util.LinkedHashMap<>();
        outsiders.put("specialist of another practice", accounts.tokenInPractices(client, "gulf-specialist", Roles.SPECIALIST, other));
        outsiders.put("finance of another practice", accounts.tokenInPractices(client, "gulf-finance", Roles.FINANCE, other));
        outsiders.put("attorney of another practice", accounts.tokenInPractices(client, "gulf-attorney", Roles.ATTORNEY, other));

        List<Map<String, Object>> userList = client.retrieve(HttpRequest.GET("/api/v1/users").bearerAuth(accounts.token(client, Roles.ADMIN)),
                io.micronaut.core.type.Argument.listOf(io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
        Map<String, Object> gulfSpecialist = userList.stream().filter(u -> "gulf-specialist".equals(u.get("username"))).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertEquals(false, gulfSpecialist.get("allPractices"));
        org.junit.jupiter.api.Assertions.assertEquals(List.of(other.intValue()),
                ((List<?>) gulfSpecialist.get("practiceIds")).stream().map(n -> ((Number) n).intValue()).toList(), "the user list shows practices");

        Map<String, Object> doc = new Yaml().load(client.retrieve(HttpRequest.GET("/openapi.yml")));
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var path : ((Map<String, Map<String, Object>>) doc.get("paths")).entrySet()) {
            String template = path.getKey();
            if (template.startsWith("/calendar") || template.contains("logout") || template.contains("/users")) {
                continue; // token-addressed feed (CalendarFeedTest); the walk's own sessions; administration
            }
            String url = template.replace("{id}", Long.toString(caseId)).replace("{claimId}", claim.id().toString())
                    .replaceAll("\\{[^}]+}", "1");
            boolean byRecordId = template.matches("^/api/v1/(cases|claims|denials|prior-auths)/\\{(id|claimId)}.*");
            for (String verb : path.getValue().keySet()) {
                HttpMethod m = HttpMethod.parse(verb.toUpperCase());
                for (var outsider : outsiders.entrySet()) {
                    sent++;
                    MutableHttpRequest<Object> request = HttpRequest.create(m, url).bearerAuth(outsider.getValue());
                    if (m != HttpMethod.GET && m != HttpMethod.DELETE) {
                        request.body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
                    }
                    try {
                        HttpResponse<String> r = client.exchange(request, String.class);
                        String body = r.getBody().orElse("");
                        if (byRecordId) {
                            failures.add(outsider.getKey() + " reached " + m + " " + template + " (" + r.getStatus().getCode() + ")");
                        } else if (body.contains("LSSCOPE01") || body.contains("ERALSSCOPE01")) {
                            failures.add(outsider.getKey() + " saw the claim in " + m + " " + template);
                        }
                    } catch (HttpClientResponseException e) {
                        if (e.getStatus().getCode() >= 500) {
                            failures.add(outsider.getKey() + " got " + e.getStatus().getCode() + " from " + m + " " + template);
                        }
                    }
                }
            }
        }
        assertTrue(sent > 150, "the walk covered the document: " + sent);
        assertTrue(failures.isEmpty(), failures.size() + " unexpected answers:\n" + String.join("\n", failures));
        var refused = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claim.id())))
                        .bearerAuth(outsiders.get("specialist of another practice")), Map.class));
        org.junit.jupiter.api.Assertions.assertEquals(422, refused.getStatus().getCode(), "another practice's claim does not exist for them");
        var notTheirs = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(outsiders.get("specialist of another practice")), Map.class));
        org.junit.jupiter.api.Assertions.assertEquals(404, notTheirs.getStatus().getCode());
        // the claim's own practice reaches all of it
        org.junit.jupiter.api.Assertions.assertEquals(200, client.exchange(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(ownSpecialist),
                String.class).getStatus().getCode());
        String ownClaims = client.retrieve(HttpRequest.GET("/api/v1/claims?patientControlNumber=LSSCOPE01").bearerAuth(ownSpecialist));
        assertTrue(ownClaims.contains("LSSCOPE01"), ownClaims);
        String ownCases = client.retrieve(HttpRequest.GET("/api/v1/cases").bearerAuth(ownSpecialist));
        assertTrue(ownCases.contains("\"id\":" + caseId), ownCases);
    }

    private static void check(BlockingHttpClient client, String token, String who, HttpMethod method, String url, String template,
                              BiPredicate<HttpMethod, String> allowed, List<String> failures, TreeSet<String> reached) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, url);
        if (token != null) {
            request.bearerAuth(token);
        }
        if (method != HttpMethod.GET && method != HttpMethod.DELETE) {
            request.body("{}").contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        int status;
        try {
            HttpResponse<String> r = client.exchange(request, String.class);
            status = r.getStatus().getCode();
        } catch (HttpClientResponseException e) {
            status = e.getStatus().getCode();
        }
        boolean ok = allowed.test(method, template);
        if (status >= 200 && status < 300) {
            if (reached != null) {
                reached.add(method + " " + template);
            }
            if (!ok) {
                failures.add(who + " reached " + method + " " + template + " (" + status + ")");
            }
        } else if (!ok && status != 401 && status != 403 && status != 404 && status != 405 && status != 415) {
            // (415: a multipart route sent JSON is not matched at all, so no handler ran.)
            // Past the security filter: the body was read or the handler ran for someone who may not call it.
            failures.add(who + " got " + status + " (not refused) from " + method + " " + template);
        } else if (ok && !"anonymous".equals(who) && (status == 401 || status == 403)) {
            failures.add(who + " was refused " + method + " " + template + " (" + status + ") although the role model grants it");
        }
    }
}
