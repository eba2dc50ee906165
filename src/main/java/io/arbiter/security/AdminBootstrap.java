package io.arbiter.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.arbiter.cluster.ClusterLock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Outside demo mode there are no default passwords: the first administrator comes from
 * ARBITER_ADMIN_USERNAME / ARBITER_ADMIN_PASSWORD at start-up, and only while no admin exists.
 */
@Singleton
public class AdminBootstrap {

    @Inject
    ClusterLock startupLock;

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AppUserRepository users;
    private final PasswordHasher hasher;
    @jakarta.inject.Inject
    PasswordPolicy policy;
    private final String username;
    private final String password;

    public AdminBootstrap(AppUserRepository users, PasswordHasher hasher,
                          @Value("${arbiter.bootstrap-admin.username:}") String username,
                          @Value("${arbiter.bootstrap-admin.password:}") String password) {
        this.users = users;
        this.hasher = hasher;
        this.username = username;
        this.password = password;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        // Under the start-up lock: two instances starting together must not both create the first administrator.
        startupLock.holding(ClusterLock.STARTUP, ClusterLock.STARTUP_PATIENCE, this::createFirstAdminIfConfigured);
    }

    /** @return true when an administrator was created. */
    public boolean createFirstAdminIfConfigured() {
        if (username == null || username.isBlank() || password == null || password.isBlank()) {
            return false;
        }
        boolean anyAdmin = users.findAll().stream().anyMatch(u -> u.hasRole(Roles.ADMIN));
        if (anyAdmin || users.findByUsername(username).isPresent()) {
            return false;
        }
        String problem = policy == null ? null : policy.problem(username, password);
        if (problem != null) {
            // an administrator account with a guessable password is worse than none: stop and say why
            throw new io.micronaut.context.exceptions.ConfigurationException("ARBITER_ADMIN_PASSWORD refused: " + problem
                    + " (docs/security.md, password policy)");
        }
        users.save(AppUser.create(username, "Administrator", hasher.hash(password), List.of(Roles.ADMIN)));
        LOG.info("Created the first administrator account from ARBITER_ADMIN_USERNAME");
        return true;
    }
}
