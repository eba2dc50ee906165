package io.arbiter.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The cases API as tests drive it: open a case, record events day by day (moving the test clock to the
 * event's date, as a specialist records things when they happen), read deadlines and money.
 */
public final class CaseApi {

    private final BlockingHttpClient client;
    private final String token;
    private final TestClock clock;

    public CaseApi(BlockingHttpClient client, String token, TestClock clock) {
        this.client = client;
        this.token = token;
        this.clock = clock;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> open(Long claimId, String today) {
        clock.today(LocalDate.parse(today));
        return client.retrieve(HttpRequest.POST("/api/v1/cases", Map.of("claimIds", List.of(claimId))).bearerAuth(token), Map.class);
    }

    public long openId(Long claimId, String today) {
        return ((Number) open(claimId, today).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> get(long caseId) {
        return client.retrieve(HttpRequest.GET("/api/v1/cases/" + caseId).bearerAuth(token), Map.class);
    }

    /** Records an event dated {@code date}; {@code extra} are name/value pairs (feeKind, outcome, note, version). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> event(long caseId, String type, String date, String amount, String... extra) {
        clock.today(LocalDate.parse(date));
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("date", date);
        if (amount != null) {
            body.put("amount", amount);
        }
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put(extra[i], extra[i + 1]);
        }
        return client.retrieve(HttpRequest.POST("/api/v1/cases/" + caseId + "/events", body).bearerAuth(token), Map.class);
    }

    /** Imports a fixture file from src/test/resources/fixtures/x12 through POST /api/v1/imports and expects it COMPLETED. */
    @SuppressWarnings("unchecked")
    public void importFixture(String name) {
        byte[] bytes;
        try (java.io.InputStream in = CaseApi.class.getResourceAsStream("/fixtures/x12/" + name)) {
            bytes = in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        importBytes(name, bytes);
    }

    /** Imports these bytes as a file named {@code name} through POST /api/v1/imports and expects it COMPLETED. */
    @SuppressWarnings("unchecked")
    public void importBytes(String name, byte[] bytes) {
        var body = io.micronaut.http.client.multipart.MultipartBody.builder()
                .addPart("file", name, io.micronaut.http.MediaType.TEXT_PLAIN_TYPE, bytes).build();
        Map<String, Object> imported = client.retrieve(HttpRequest.POST("/api/v1/imports?wait=true", body)
                .contentType(io.micronaut.http.MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
        if (!"COMPLETED".equals(imported.get("status"))) {
            throw new AssertionError(name + " did not import: " + imported);
        }
    }

    /** The id of the claim with this patient control number, through GET /api/v1/claims. */
    @SuppressWarnings("unchecked")
    public long claimId(String pcn) {
        Map<String, Object> found = client.retrieve(HttpRequest.GET("/api/v1/claims?patientControlNumber=" + pcn).bearerAuth(token), Map.class);
        return ((Number) ((List<Map<String, Object>>) found.get("items")).get(0).get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    public static String due(Map<String, Object> c, String key) {
        return ((List<Map<String, Object>>) c.get("deadlines")).stream().filter(d -> key.equals(d.get("key")))
                .map(d -> (String) d.get("dueDate")).findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    public static double money(Map<String, Object> c, String key) {
        return ((Number) ((Map<String, Object>) c.get("money")).get(key)).doubleValue();
    }
}
