package io.arbiter.pricing;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ImportApiTest {

    @Inject @Client("/") HttpClient http;
    @Inject TestAccounts accounts;
    @Inject FeeScheduleStore store;
    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private HttpResponse<Map> upload(String path, String token, String name, byte[] bytes) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.TEXT_CSV_TYPE, bytes).build();
        return client.exchange(HttpRequest.POST(path, body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).bearerAuth(token), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errors(HttpClientResponseException e) {
        return (List<Map<String, Object>>) e.getResponse().getBody(Map.class).orElseThrow().get("errors");
    }

    @Test
    void benchmarkImportIsIdempotentAndAdminOnly() {
        String admin = accounts.token(client, Roles.ADMIN);
        byte[] csv = PricingTestData.fixture("benchmarks/ucr-demo-2026.csv");
        HttpResponse<Map> first = upload("/api/v1/benchmarks", admin, "ucr.csv", csv);
        HttpResponse<Map> again = upload("/api/v1/benchmarks", admin, "ucr.csv", csv);
        assertEquals(HttpStatus.OK, again.getStatus());
        assertEquals(0, ((Number) again.body().get("inserted")).intValue());
        assertEquals(1092, ((Number) again.body().get("unchanged")).intValue());
        assertTrue(first.getStatus() == HttpStatus.CREATED || first.getStatus() == HttpStatus.OK);
        String specialist = accounts.token(client, Roles.SPECIALIST);
        var e = assertThrows(HttpClientResponseException.class, () -> upload("/api/v1/benchmarks", specialist, "ucr.csv", csv));
        assertEquals(HttpStatus.FORBIDDEN, e.getStatus());
    }

    @Test
    void malformedBenchmarkFileIsRejectedWithLinePreciseErrors() {
        String admin = accounts.token(client, Roles.ADMIN);
        String csv = "set,kind,procedure_code,modifier,geozip,percentile,amount,effective_from,effective_to\n"
                + "BAD-SET,BILLED,64483,,770,80,1086.20,2026-01-01,2026-12-31\n"
                + "BAD-SET,BILLED,64483,,770,90,12x.00,2026-01-01,2026-12-31\n"
                + "BAD-SET,PAID,64484,,77,80,10.00,2026-01-01,2026-12-31\n";
        var e = assertThrows(HttpClientResponseException.class, () -> upload("/api/v1/benchmarks", admin, "bad.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertEquals("application/problem+json", e.getResponse().getContentType().orElseThrow().toString());
        List<Map<String, Object>> errors = errors(e);
        assertEquals("line 3, column \"amount\"", errors.get(0).get("location"));
        assertEquals("line 4, column \"kind\"", errors.get(1).get("location"));
        assertEquals("line 4, column \"geozip\"", errors.get(2).get("location"));
    }

    @Test
    void realPprrvuImportsByHeaderNameAndMalformedRowIsRejected() {
        String admin = accounts.token(client, Roles.ADMIN);
        HttpResponse<Map> ok = upload("/api/v1/fee-schedules/rvu", admin, "PPRRVU2025_Oct.csv", PricingTestData.fixture("cms/PPRRVU2025_Oct.csv"));
        assertEquals(HttpStatus.CREATED, ok.getStatus());
        assertTrue(((Number) ok.body().get("rows")).intValue() > 18000);
        FeeRelease release = store.rvuReleaseFor(java.time.LocalDate.of(2025, 6, 1)).orElseThrow();
        RvuValue v = store.rvu(release.id(), "64483", "").orElseThrow();
        assertEquals("1", v.bilatSurg());
        assertEquals(new java.math.BigDecimal("1.2700"), v.facPeRvu());
        assertEquals(new java.math.BigDecimal("32.3465"), release.conversionFactor());

        // A 2026-style file with the extra PRIC IND column still parses by name; line 12 has a bad WORK RVU.
        String text = new String(PricingTestData.fixture("cms/PPRRVU2026_pain_extract.csv"), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        lines[11] = lines[11].replaceFirst("^(\\w+,,[^,]*,A,,)[0-9.]+", "$1abc");
        var e = assertThrows(HttpClientResponseException.class, () -> upload("/api/v1/fee-schedules/rvu", admin, "bad.csv",
                String.join("\n", lines).getBytes(StandardCharsets.UTF_8)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertEquals("line 12, column \"WORK RVU\"", errors(e).get(0).get("location"));
    }

    @Test
    void pprrvuWithPricIndColumnParsesByName() {
        String admin = accounts.token(client, Roles.ADMIN);
        String text = new String(PricingTestData.fixture("cms/PPRRVU2026_pain_extract.csv"), StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            // insert a column before ENDO BASE (index 23): header names "PRIC" over "IND", data "0"
            List<String> cells = new java.util.ArrayList<>(List.of(line.split(",", -1)));
            String insert = line.startsWith("HCPCS") ? "IND" : line.startsWith(",,,STATUS") ? "PRIC" : line.matches("^\\d.*") ? "0" : "";
            cells.add(23, insert);
            sb.append(String.join(",", cells)).append('\n');
        }
        MultipartBody body = MultipartBody.builder().addPart("file", "p26.csv", MediaType.TEXT_CSV_TYPE, sb.toString().getBytes(StandardCharsets.UTF_8))
                .addPart("release", "RVU26C-PRIC").addPart("effectiveFrom", "2026-07-01").addPart("effectiveTo", "2026-09-30").build();
        HttpResponse<Map> r = client.exchange(HttpRequest.POST("/api/v1/fee-schedules/rvu", body).contentType(MediaType.MULTIPART_FORM_DATA_TYPE)
                .bearerAuth(admin), Map.class);
        assertEquals(HttpStatus.CREATED, r.getStatus());
        FeeRelease rel = store.rvuReleaseFor(java.time.LocalDate.of(2026, 8, 1)).orElseThrow();
        assertEquals("RVU26C-PRIC", rel.name());
        RvuValue v = store.rvu(rel.id(), "64483", "").orElseThrow();
        assertEquals(new java.math.BigDecimal("1.8500"), v.workRvu());
        assertEquals("1", v.bilatSurg());
        assertEquals(new java.math.BigDecimal("33.4009"), rel.conversionFactor());
    }

    @Test
    void gpciImportAndMalformedGpci() {
        String admin = accounts.token(client, Roles.ADMIN);
        HttpResponse<Map> ok = upload("/api/v1/fee-schedules/gpci", admin, "GPCI2025.csv", PricingTestData.fixture("cms/GPCI2025.csv"));
        assertEquals(HttpStatus.CREATED, ok.getStatus());
        FeeRelease g = store.gpciReleaseFor(java.time.LocalDate.of(2025, 3, 1)).orElseThrow();
        GpciValue houston = store.gpciTable(g.id()).get("TX:18");
        assertEquals(new java.math.BigDecimal("1.4090"), houston.mp());
        String bad = new String(PricingTestData.fixture("cms/GPCI2025.csv"), StandardCharsets.UTF_8).replace("04412,TX,18,HOUSTON,1.014,1.003,1.409",
                "04412,TX,18,HOUSTON,1.014,n/a,1.409");
        var e = assertThrows(HttpClientResponseException.class, () -> upload("/api/v1/fee-schedules/gpci", admin, "bad.csv", bad.getBytes(StandardCharsets.UTF_8)));
        assertEquals(HttpStatus.UNPROCESSABLE_ENTITY, e.getStatus());
        assertTrue(((String) errors(e).get(0).get("location")).matches("line \\d+, column \"2025 PE GPCI\""), errors(e).toString());
    }
}
