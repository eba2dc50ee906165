package io.arbiter.common;

import io.arbiter.security.Roles;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Money in JSON always has two decimals and never an exponent; finer rates keep their digits. */
@MicronautTest(transactional = false)
class DecimalJsonTest {

    @Inject
    ObjectMapper mapper;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    TestAccounts accounts;

    @Test
    void decimalsLeaveWithAtLeastTwoPlacesAndNoExponent() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("whole", new BigDecimal("120"));
        m.put("exponent", new BigDecimal("1.2E+2"));
        m.put("half", new BigDecimal("0.5"));
        m.put("trailing", new BigDecimal("431.2000"));
        m.put("gpci", new BigDecimal("1.0230"));
        m.put("cf", new BigDecimal("32.3465"));
        m.put("negative", new BigDecimal("-7.1"));
        assertEquals("{\"whole\":120.00,\"exponent\":120.00,\"half\":0.50,\"trailing\":431.20,\"gpci\":1.0230,\"cf\":32.3465,"
                + "\"negative\":-7.10}", mapper.writeValueAsString(m));
    }

    @Test
    void aComputedFeeEstimateReadsInCents() {
        // The fee calculator adds rule amounts; the administrative fee of CMS-9890-F is $115, written as 115 in the rule file.
        String body = client.toBlocking().retrieve(HttpRequest.GET("/api/v1/fees/estimate?initiationDate=2026-03-02&disputeType=SINGLE")
                .bearerAuth(accounts.token(client.toBlocking(), Roles.FINANCE)));
        assertTrue(body.contains("\"administrativeFee\":115.00"), body);
    }
}
