package io.arbiter.demo;

import io.arbiter.claims.ClaimLineRepository;
import io.arbiter.claims.ClaimRepository;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PayerRepository;
import io.arbiter.practice.BilateralFormat;
import io.arbiter.security.AdminBootstrap;
import io.arbiter.security.AppUserRepository;
import io.arbiter.security.PasswordHasher;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The migrations and repositories on the real MariaDB/MySQL server, not H2. */
@MicronautTest(transactional = false)
class PersistenceOnMariaDbTest {

    @Inject
    DataSource dataSource;

    @Inject
    DemoSeeder seeder;

    @Inject
    ClaimRepository claims;

    @Inject
    ClaimLineRepository lines;

    @Inject
    PayerRepository payers;

    @Inject
    AppUserRepository users;

    @Inject
    PasswordHasher hasher;

    @Test
    void runsOnMariaDbOrMySqlThroughConnectorJ() throws Exception {
        try (Connection c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            String product = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
            assertTrue(product.contains("MariaDB") || product.startsWith("MySQL"), product);
            assertTrue(c.getMetaData().getDriverName().contains("MySQL Connector/J"));
        }
    }

    @Test
    void demoDataSeedsRealisticClaimsAndUsers() {
        if (users.findByUsername("specialist").isEmpty()) {
            seeder.seed();
        }
        assertTrue(claims.count() >= 30, "a few dozen demo claims");
        assertTrue(lines.count() > claims.count(), "many claims have several lines");
        var specialist = users.findByUsername("specialist").orElseThrow();
        assertTrue(hasher.matches("specialist-demo", specialist.passwordHash()));
        assertFalse(specialist.passwordHash().contains("specialist-demo"), "stored as a hash");
        assertEquals(List.of("SPECIALIST"), specialist.roleList());
        assertTrue(payers.findByPayerCode("ACME1").isPresent() && payers.findByPayerCode("PANWC").isPresent()
                && payers.findByPayerCode("LHAUTO").isPresent(), "payers across plan types");
    }

    @Test
    void staleUpdateIsRejectedByOptimisticLock() {
        Payer p = payers.save(Payer.create("OPTIMISTIC MUTUAL", "OPT1", "Optimistic Mutual Co."));
        Payer first = payers.update(p.withPolicies(BilateralFormat.RT_LT_TWO_LINES, 90));
        assertEquals(p.version() + 1, first.version());
        assertThrows(OptimisticLockException.class, () -> payers.update(p.withPolicies(BilateralFormat.MODIFIER_50, 60)));
    }

    @Test
    void firstAdminComesOnlyFromConfiguration() {
        AdminBootstrap unconfigured = new AdminBootstrap(users, hasher, "", "");
        assertFalse(unconfigured.createFirstAdminIfConfigured(), "no default password outside demo mode");
        AdminBootstrap configured = new AdminBootstrap(users, hasher, "root-admin", "a-long-secret");
        boolean anyAdmin = users.findAll().stream().anyMatch(u -> u.hasRole("ADMIN"));
        assertEquals(!anyAdmin, configured.createFirstAdminIfConfigured());
    }
}
