package io.arbiter.security;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in throttling per username and per client address, durable in the database (issue 15). */
@MicronautTest(transactional = false)
@Property(name = "arbiter.security.sign-in.max-failures-per-user", value = "3")
@Property(name = "arbiter.security.sign-in.max-failures-per-address", value = "6")
@Property(name = "arbiter.security.sign-in.lock-seconds", value = "60")
@Property(name = "arbiter.security.sign-in.max-lock-seconds", value = "900")
class SignInThrottleTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    TestAccounts accounts;
    @Inject
    TestClock clock;
    @Inject
    SignInThrottleRepository throttleRows;
    @Inject
    AuditEventRepository auditEvents;

    BlockingHttpClient client;
    final LocalDate today = LocalDate.now();

    @BeforeEach
    void setUp() {
        client = http.toBlocking();
        throttleRows.deleteAll();
        clock.today(today);
    }

    @AfterEach
    void tearDown() {
        throttleRows.deleteAll();
        clock.reset();
    }

    private HttpResponse<?> login(String username, String password) {
        try {
            return client.exchange(HttpRequest.POST("/login", Map.of("username", username, "password", password)), Map.class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    @Test
    void threeWrongPasswordsLockTheUsernameEvenForTheRightPasswordUntilTheLockEnds() {
        accounts.ensure("throttle-user", "throttle-user-pw", Roles.FINANCE);
        for (int i = 0; i < 3; i++) {
            assertEquals(HttpStatus.UNAUTHORIZED, login("throttle-user", "wrong-" + i).getStatus());
        }
        HttpResponse<?> locked = login("throttle-user", "throttle-user-pw");
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, locked.getStatus());
        assertEquals("60", locked.getHeaders().get("Retry-After"), "first lock: lock-seconds");
        assertTrue(auditEvents.findByUsernameOrderById("throttle-user").stream().anyMatch(e -> e.action() == AuditAction.LOCKOUT));

        // the lock is in the database: another instance (a second throttle over the same table) sees it
        SignInThrottle otherInstance = new SignInThrottle(throttleRows, clock, 3, 6, 60, 900, 900);
        assertEquals(60, otherInstance.lockedFor("THROTTLE-USER", "10.9.9.9").orElseThrow().toSeconds());

        clock.today(today.plusDays(1));
        assertEquals(HttpStatus.OK, login("throttle-user", "throttle-user-pw").getStatus(), "after the lock ends");
        assertTrue(throttleRows.findByThrottleKeyInList(List.of("user:throttle-user")).isEmpty(), "success clears the count");
    }

    @Test
    void aFurtherFailureAfterTheLockDoublesIt() {
        SignInThrottle throttle = new SignInThrottle(throttleRows, clock, 3, 1000, 60, 900, 900);
        throttle.recordFailure("doubling", "10.1.1.1");
        throttle.recordFailure("doubling", "10.1.1.1");
        assertEquals(60, throttle.recordFailure("doubling", "10.1.1.1").lockedFor().toSeconds());
        assertEquals(120, throttle.recordFailure("doubling", "10.1.1.1").lockedFor().toSeconds());
        assertEquals(240, throttle.recordFailure("doubling", "10.1.1.1").lockedFor().toSeconds());
        for (int i = 0; i < 5; i++) {
            throttle.recordFailure("doubling", "10.1.1.1");
        }
        assertEquals(900, throttle.recordFailure("doubling", "10.1.1.1").lockedFor().toSeconds(), "capped at max-lock-seconds");
    }

    @Test
    void manyUsernamesFromOneAddressLockTheAddressAndAnAdminCanLiftIt() {
        String admin = accounts.token(client, Roles.ADMIN);
        accounts.ensure("throttle-bystander", "throttle-bystander-pw", Roles.FINANCE);
        for (int i = 0; i < 6; i++) {
            assertEquals(HttpStatus.UNAUTHORIZED, login("sprayed-" + i, "Winter2026!").getStatus());
        }
        HttpResponse<?> locked = login("throttle-bystander", "throttle-bystander-pw");
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, locked.getStatus());
        assertEquals("application/problem+json", locked.getContentType().orElseThrow().toString());

        var form = org.junit.jupiter.api.Assertions.assertThrows(HttpClientResponseException.class, () -> client.exchange(
                HttpRequest.POST("/ui/login", "username=throttle-bystander&password=throttle-bystander-pw")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE), String.class));
        assertEquals(HttpStatus.TOO_MANY_REQUESTS, form.getStatus());
        assertEquals("60", form.getResponse().getHeaders().get("Retry-After"));

        List<Map> locks = client.retrieve(HttpRequest.GET("/api/v1/users/sign-in-locks").bearerAuth(admin), Argument.listOf(Map.class));
        Map<?, ?> addressLock = locks.stream().filter(l -> "address:127.0.0.1".equals(l.get("key"))).findFirst().orElseThrow();
        assertEquals(6, addressLock.get("failures"));
        assertEquals(HttpStatus.NO_CONTENT, client.exchange(HttpRequest.DELETE("/api/v1/users/sign-in-locks/" + addressLock.get("id"))
                .bearerAuth(admin)).getStatus());
        assertEquals(HttpStatus.OK, login("throttle-bystander", "throttle-bystander-pw").getStatus(), "unlocked by the admin");
        assertTrue(auditEvents.findByUsernameOrderById("admin-t").stream().anyMatch(e -> e.action() == AuditAction.UNLOCK));
    }
}
