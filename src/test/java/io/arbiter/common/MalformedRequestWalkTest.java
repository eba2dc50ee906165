package io.arbiter.common;

import io.arbiter.claims.Claim;
import io.arbiter.security.Roles;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Walks every operation of the served OpenAPI document and sends it generated malformed input: broken
 * JSON, wrong shapes, each property missing, null, of the wrong type, huge (1e20, 5,000 characters, year
 * 999999999), and hostile query values. Nothing may answer 5xx (issue 23 item 6); a 4xx must be a
 * problem document.
 */
@MicronautTest(transactional = false)
class MalformedRequestWalkTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    ClaimFixtures fixtures;
    @Inject
    TestClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    @SuppressWarnings("unchecked")
    void noGeneratedMalformedRequestAnswers5xx() {
        BlockingHttpClient client = http.toBlocking();
        String admin = accounts.token(client, Roles.ADMIN);
        String specialist = accounts.token(client, Roles.SPECIALIST);
        // a claim and a case, so that id 1-style paths reach the body handling and not only a 404
        Claim claim = fixtures.nsaTfesiClaim("LSWALK0001");
        clock.today(LocalDate.of(2026, 10, 9));
        long caseId = new CaseApi(client, specialist, clock).openId(claim.id(), "2026-10-09");
        clock.reset();

        Map<String, Object> doc = new Yaml().load(client.retrieve(HttpRequest.GET("/openapi.yml")));
        Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) doc.get("components")).get("schemas");
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (var path : ((Map<String, Map<String, Object>>) doc.get("paths")).entrySet()) {
            String template = path.getKey();
            if (template.contains("/logout") || template.startsWith("/calendar")) {
                continue;
            }
            String url = template.replace("{id}", Long.toString(caseId)).replace("{claimId}", claim.id().toString())
                    .replaceAll("\\{[^}]+}", "1");
            for (var op : path.getValue().entrySet()) {
                HttpMethod method = HttpMethod.parse(op.getKey().toUpperCase());
                Map<String, Object> operation = (Map<String, Object>) op.getValue();
                for (String body : bodies(operation, schemas)) {
                    sent++;
                    check(client, admin, method, url, body, failures);
                }
                for (String query : queries(operation)) {
                    sent++;
                    check(client, admin, method, url + "?" + query, method == HttpMethod.GET || method == HttpMethod.DELETE ? null : "{}", failures);
                }
            }
        }
        assertTrue(sent > 300, "the walk covered the document: " + sent + " requests");
        assertTrue(failures.isEmpty(), failures.size() + " of " + sent + " requests answered 5xx:\n" + String.join("\n", failures));
    }

    @Test
    void theAnswerNamesTheField() {
        BlockingHttpClient client = http.toBlocking();
        String admin = accounts.token(client, Roles.ADMIN);
        Claim claim = fixtures.nsaTfesiClaim("LSWALK0002");
        clock.today(LocalDate.of(2026, 10, 9));
        long caseId = new CaseApi(client, admin, clock).openId(claim.id(), "2026-10-09");
        clock.reset();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("POST /api/v1/cases/" + caseId + "/shares {\"username\":null}", "username");
        cases.put("POST /api/v1/cases/assign {\"caseIds\":[" + caseId + "],\"assignee\":null}", "assignee");
        cases.put("POST /api/v1/cases/assign {\"caseIds\":[null],\"assignee\":\"admin-t\"}", "caseIds");
        cases.put("PUT /api/v1/cases/" + caseId + "/packet-details {}", "values");
        cases.put("PUT /api/v1/payers/1/policies {}", "bilateralFormat");
        cases.put("GET /api/v1/claims/" + claim.id() + "/pricing?kind=%27 ", "kind");
        for (var c : cases.entrySet()) {
            String[] parts = c.getKey().split(" ", 3);
            MutableHttpRequest<Object> request = HttpRequest.create(HttpMethod.parse(parts[0]), parts[1]).bearerAuth(admin);
            if (!parts[2].isBlank()) {
                request.body(parts[2]).contentType(MediaType.APPLICATION_JSON_TYPE);
            }
            var e = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> client.exchange(request, String.class));
            int status = e.getStatus().getCode();
            String problem = e.getResponse().getBody(String.class).orElse("");
            assertTrue(status == 400 || status == 422, c.getKey() + " answered " + status);
            assertTrue(problem.contains(c.getValue()), c.getKey() + " does not name " + c.getValue() + ": " + problem);
        }
    }

    private static void check(BlockingHttpClient client, String token, HttpMethod method, String url, String body, List<String> failures) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, url).bearerAuth(token);
        if (body != null) {
            request.body(body).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        int status;
        try {
            HttpResponse<String> r = client.exchange(request, String.class);
            status = r.getStatus().getCode();
        } catch (HttpClientResponseException e) {
            status = e.getStatus().getCode();
        } catch (RuntimeException e) {
            status = 599;
        }
        if (status >= 500) {
            failures.add(status + " " + method + " " + url + " " + (body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> bodies(Map<String, Object> operation, Map<String, Object> schemas) {
        Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
        if (requestBody == null || !((Map<String, Object>) requestBody.get("content")).containsKey("application/json")) {
            return List.of();
        }
        Map<String, Object> schema = resolve((Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) requestBody.get("content"))
                .get("application/json")).get("schema"), schemas);
        List<String> out = new ArrayList<>(List.of("{\"", "{}", "[]", "\"text\"", "null", "1e20", "{\"unknown\":1}"));
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (var p : properties.entrySet()) {
            Map<String, Object> prop = resolve((Map<String, Object>) p.getValue(), schemas);
            for (Object value : badValues(prop)) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put(p.getKey(), value);
                out.add(json(one));
                // the same bad value with every other property plausibly set, to get past the first check
                Map<String, Object> full = plausible(properties, schemas);
                full.put(p.getKey(), value);
                out.add(json(full));
            }
        }
        out.add(json(plausible(properties, schemas)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> schema, Map<String, Object> schemas) {
        if (schema == null) {
            return Map.of();
        }
        if (schema.get("$ref") instanceof String ref) {
            return resolve((Map<String, Object>) schemas.get(ref.substring(ref.lastIndexOf('/') + 1)), schemas);
        }
        if (schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
            return resolve((Map<String, Object>) all.get(0), schemas);
        }
        return schema;
    }

    private static final Object NULL = new Object();

    private static List<Object> badValues(Map<String, Object> prop) {
        String type = String.valueOf(prop.get("type"));
        List<Object> out = new ArrayList<>(List.of(NULL, new RawJson("1e20"), new RawJson("-1"), "x".repeat(5000), new RawJson("{}"),
                new RawJson("[null]"), "'", new RawJson("true")));
        if ("string".equals(type)) {
            out.add("999999999-01-01");
            out.add("2026-02-30");
        }
        if ("array".equals(type)) {
            out.add(new RawJson("[\"" + "x".repeat(300) + "\", 1e20, {}]"));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plausible(Map<String, Object> properties, Map<String, Object> schemas) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var p : properties.entrySet()) {
            Map<String, Object> prop = resolve((Map<String, Object>) p.getValue(), schemas);
            String type = String.valueOf(prop.get("type"));
            Object value = switch (type) {
                case "integer" -> new RawJson("1");
                case "number" -> new RawJson("10.00");
                case "boolean" -> new RawJson("false");
                case "array" -> new RawJson("[]");
                case "object" -> new RawJson("{}");
                default -> "date".equals(prop.get("format")) ? "2026-10-09"
                        : prop.get("enum") instanceof List<?> e && !e.isEmpty() ? e.get(0).toString() : "x";
            };
            out.put(p.getKey(), value);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> queries(Map<String, Object> operation) {
        List<String> out = new ArrayList<>();
        for (Object o : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> param = (Map<String, Object>) o;
            if (!"query".equals(param.get("in"))) {
                continue;
            }
            for (String v : List.of("'", "99999999999999999999", "-1", "999999999-01-01", "x".repeat(3000), "%00")) {
                out.add(param.get("name") + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private record RawJson(String text) {
    }

    private static String json(Map<String, Object> values) {
        StringBuilder b = new StringBuilder("{");
        for (var e : values.entrySet()) {
            if (b.length() > 1) {
                b.append(',');
            }
            b.append('"').append(e.getKey()).append("\":").append(value(e.getValue()));
        }
        return b.append('}').toString();
    }

    private static String value(Object v) {
        if (v == NULL) {
            return "null";
        }
        if (v instanceof RawJson raw) {
            return raw.text();
        }
        return '"' + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
