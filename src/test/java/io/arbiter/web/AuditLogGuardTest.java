package io.arbiter.web;

import io.arbiter.audit.AuditEvent;
import io.arbiter.audit.AuditEventRepository;
import io.arbiter.claims.Claim;
import io.arbiter.practice.PlanType;
import io.arbiter.security.Roles;
import io.arbiter.support.ClaimFixtures;
import io.arbiter.support.TestAccounts;
import io.arbiter.support.TestClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 23 item 5, the rest: every entry made while serving a request names the client's address (not only sign-ins);
 * the database refuses to change or delete an entry, on MariaDB and on the embedded H2; administrators read the log on
 * a screen with the API's filters, and only administrators.
 */
@MicronautTest(transactional = false)
class AuditLogGuardTest {

    @Inject @Client("/") HttpClient http;
    @Inject EmbeddedServer server;
    @Inject TestAccounts accounts;
    @Inject ClaimFixtures fixtures;
    @Inject TestClock clock;
    @Inject AuditEventRepository events;
    @Inject DataSource dataSource;
    @Inject DataSourceResolver resolver;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void anEntryMadeWhileServingARequestNamesTheClientAddress() {
        BlockingHttpClient client = http.toBlocking();
        String specialist = accounts.token(client, Roles.SPECIALIST);
        Claim claim = fixtures.oneLineClaim("LSADDR01", "ACME HEALTH PLAN", "ACME1", PlanType.SELF_FUNDED_ERISA, null, "64483",
                "2400.00", "336.00", LocalDate.of(2026, 9, 14), LocalDate.of(2026, 10, 8), "24", "752041000", "M5416", List.of("N865"));

        client.retrieve(HttpRequest.GET("/api/v1/claims/" + claim.id()).bearerAuth(specialist), Map.class);

        AuditEvent view = events.findByUsernameOrderById("specialist-t").stream()
                .filter(e -> e.entityType().equals("CLAIM") && String.valueOf(claim.id()).equals(e.entityId()))
                .reduce((a, b) -> b).orElseThrow();
        assertEquals("127.0.0.1", view.clientAddress(), view.toString());
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntryOnMariaDb() throws Exception {
        assertAppendOnly(resolver.resolve(dataSource), "MariaDB");
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteAnEntryOnH2() throws Exception {
        Map<String, Object> h2 = Map.of(
                "datasources.default.url", "jdbc:h2:mem:auditguard;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                "datasources.default.username", "sa",
                "datasources.default.password", "",
                "datasources.default.driver-class-name", "org.h2.Driver");
        try (ApplicationContext ctx = ApplicationContext.run(h2, "test")) {
            DataSource h2Source = ctx.getBean(DataSourceResolver.class).resolve(ctx.getBean(DataSource.class));
            try (Connection c = h2Source.getConnection()) {
                assertTrue(c.getMetaData().getURL().startsWith("jdbc:h2:"), c.getMetaData().getURL());
            }
            assertAppendOnly(h2Source, "H2");
        }
    }

    private static void assertAppendOnly(DataSource db, String where) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_event (occurred_at, username, action, entity_type, entity_id, detail) "
                    + "VALUES ('2026-12-01 10:00:00', 'guard-check', 'VIEW', 'CLAIM', '1', 'written once')");
            SQLException update = assertThrows(SQLException.class,
                    () -> s.executeUpdate("UPDATE audit_event SET detail = 'rewritten' WHERE username = 'guard-check'"), where);
            assertTrue(update.getMessage().contains("append-only"), where + ": " + update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> s.executeUpdate("DELETE FROM audit_event WHERE username = 'guard-check'"), where);
            assertTrue(delete.getMessage().contains("append-only"), where + ": " + delete.getMessage());
            try (var rs = s.executeQuery("SELECT detail FROM audit_event WHERE username = 'guard-check'")) {
                assertTrue(rs.next(), where);
                assertEquals("written once", rs.getString(1), where);
            }
        }
    }

    @Test
    void administratorsReadTheLogOnAScreenWithFiltersAndNobodyElseDoes() throws Exception {
        WebForms web = new WebForms(server, accounts);
        String specialist = web.login("screen.spec", Roles.SPECIALIST);
        assertEquals(200, web.get("/ui/queue", specialist).statusCode());
        String admin = web.login("screen.admin", Roles.ADMIN);

        var page = web.get("/ui/admin/audit?username=screen.spec", admin);
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("<table id=\"audit-entries\">"), html);
        assertTrue(html.contains("screen.spec"), html);
        assertTrue(html.contains("work queue, browser"), html);
        assertTrue(html.contains("127.0.0.1"), html);
        assertFalse(html.contains("<td>screen.admin</td>"), "the user filter is applied");

        var bad = web.get("/ui/admin/audit?patientId=abc&from=yesterday", admin);
        assertEquals(200, bad.statusCode());
        assertTrue(bad.body().contains("Patient id must be a number"), bad.body());
        assertTrue(bad.body().contains("From must be a date"), bad.body());

        assertTrue(events.findByUsernameOrderById("screen.admin").stream()
                .anyMatch(e -> e.entityType().equals("AUDIT_LOG") && e.detail().startsWith("screen: user screen.spec")));

        // A browser refused by its role gets the Arbiter 403 page, not problem+json (issue 21); the API keeps its JSON.
        var denied = web.get("/ui/admin/audit", specialist);
        assertEquals(403, denied.statusCode());
        assertTrue(denied.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), denied.headers().map().toString());
        assertTrue(denied.body().contains("You do not have access to this page"), denied.body());
        String attorney = web.login("screen.atty", Roles.ATTORNEY);
        var queue = web.get("/ui/queue", attorney);
        assertEquals(403, queue.statusCode());
        assertTrue(queue.body().contains("You do not have access to this page"), queue.body());
    }
}
