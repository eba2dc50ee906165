package io.arbiter.intake;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small upload limit answers 413; files above the async threshold run in the background. */
@MicronautTest(transactional = false)
@Property(name = "micronaut.server.multipart.max-file-size", value = "9000")
@Property(name = "micronaut.server.max-request-size", value = "9500")
@Property(name = "arbiter.intake.async-threshold-bytes", value = "5000")
class ImportLimitsTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    TestAccounts accounts;

    @Inject
    IntakeTestSupport support;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        support.wipe();
    }

    @Test
    void uploadAboveTheLimitIs413WithAClearMessage() {
        String token = accounts.token(client, Roles.SPECIALIST);
        byte[] big = IntakeTestSupport.fixture("x12/acme-self-funded-837p.edi"); // 10,617 bytes > 9,000

        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> client.exchange(ImportApiTest.upload(token, "big.edi", big, null), Map.class));

        assertEquals(HttpStatus.REQUEST_ENTITY_TOO_LARGE, e.getStatus());
        Map<String, Object> body = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElseThrow();
        assertEquals(413, ((Number) body.get("status")).intValue());
        assertTrue(String.valueOf(body.get("detail")).contains("larger than the configured limit"), String.valueOf(body));
        assertEquals(0, support.count("SELECT COUNT(*) FROM import_file"));
    }

    @Test
    void largeFileRunsInTheBackgroundUnlessWaitIsAsked() throws InterruptedException {
        String token = accounts.token(client, Roles.SPECIALIST);
        byte[] acme = IntakeTestSupport.fixture("x12/acme-self-funded-835.edi"); // 8,249 bytes > 5,000

        HttpResponse<Map> accepted = client.exchange(ImportApiTest.upload(token, "acme.edi", acme, null), Map.class);

        assertEquals(HttpStatus.ACCEPTED, accepted.getStatus());
        assertEquals("RUNNING", accepted.body().get("status"));
        long id = ((Number) accepted.body().get("id")).longValue();
        Map<?, ?> polled = null;
        for (int i = 0; i < 100; i++) {
            polled = client.retrieve(HttpRequest.GET("/api/v1/imports/" + id).bearerAuth(token), Map.class);
            if (!"RUNNING".equals(polled.get("status"))) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("COMPLETED", polled.get("status"));
        assertEquals(24, polled.get("claims"));

        byte[] gulf = IntakeTestSupport.fixture("x12/gulf-tpa-835.edi"); // 5,348 bytes > 5,000
        HttpResponse<Map> waited = client.exchange(ImportApiTest.upload("/api/v1/imports?wait=true", token, "gulf.edi", gulf, null), Map.class);
        assertEquals(HttpStatus.CREATED, waited.getStatus());
        assertEquals("COMPLETED", waited.body().get("status"));
    }
}
