package io.arbiter.security;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.support.TestAccounts;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Failed sign-ins are audited without the password; unknown usernames cost a hash too (issue 23 item 4). */
@MicronautTest(transactional = false)
class SignInAuditAndTimingTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    AuditEventRepository auditEvents;
    @Inject
    PasswordHasher hasher;

    BlockingHttpClient client;

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
    }

    private List<AuditEvent> failuresSince(long id) {
        return auditEvents.findAll().stream().filter(e -> e.id() > id && e.action() == AuditAction.LOGIN_FAILED).toList();
    }

    private long lastAuditId() {
        return auditEvents.findAll().stream().mapToLong(AuditEvent::id).max().orElse(0);
    }

    @Test
    void apiAndFormFailuresAreAuditedWithTheAddressAndWithoutThePassword() {
        accounts.ensure("audit-fail", "audit-fail-right-pw", Roles.SPECIALIST);
        long before = lastAuditId();
        assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/login",
                Map.of("username", "audit-fail", "password", "SECRET-GUESS-1"))));
        var form = assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/ui/login",
                "username=audit-fail&password=SECRET-GUESS-2").contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
        assertEquals(HttpStatus.UNAUTHORIZED, form.getStatus());
        assertThrows(HttpClientResponseException.class, () -> client.exchange(HttpRequest.POST("/login",
                Map.of("username", "no-such-person-xyz", "password", "SECRET-GUESS-3"))));

        List<AuditEvent> failed = failuresSince(before);
        assertEquals(3, failed.size());
        assertEquals("API sign-in failed: wrong password", failed.get(0).detail());
        assertEquals("audit-fail", failed.get(0).username());
        assertEquals("browser sign-in failed: wrong password", failed.get(1).detail());
        assertEquals("(unknown username)", failed.get(2).username(), "a mistyped name may be a password: not stored");
        assertEquals("API sign-in failed: unknown username", failed.get(2).detail());
        for (AuditEvent e : failed) {
            assertEquals("127.0.0.1", e.clientAddress());
            assertFalse(String.valueOf(e.detail()).contains("SECRET-GUESS"));
        }
    }

    @Test
    void apiSignInIsAudited() {
        long before = lastAuditId();
        accounts.token(client, Roles.FINANCE);
        assertTrue(auditEvents.findAll().stream().anyMatch(e -> e.id() > before && e.action() == AuditAction.LOGIN
                && e.username().equals("finance-t") && "API sign-in".equals(e.detail()) && "127.0.0.1".equals(e.clientAddress())));
    }

    @Test
    void anUnknownUsernameCostsABcryptComparisonToo() {
        // warm up, then compare the median of a real check with the check without an account
        String hash = hasher.hash("some-long-password");
        for (int i = 0; i < 3; i++) {
            hasher.matchesOrBurn("guess", hash);
            hasher.matchesOrBurn("guess", null);
        }
        long known = median(() -> hasher.matchesOrBurn("guess", hash));
        long unknown = median(() -> hasher.matchesOrBurn("guess", null));
        assertFalse(hasher.matchesOrBurn("guess", null));
        // bcrypt cost 10 takes tens of milliseconds; a skipped hash takes microseconds
        assertTrue(unknown > known / 3, "unknown " + unknown + " ns vs known " + known + " ns");
    }

    private static long median(Runnable r) {
        long[] t = new long[5];
        for (int i = 0; i < t.length; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = System.nanoTime() - s;
        }
        java.util.Arrays.sort(t);
        return t[2];
    }
}
