package io.arbiter.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

/**
 * The per-user session generation (app_user.session_generation). Kept out of {@link AppUser} so that
 * saving a user never writes back a stale generation.
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SessionGenerations extends GenericRepository<AppUser, Long> {

    /** The current generation of an enabled user; empty when the user is gone or disabled. */
    @Query("SELECT session_generation FROM app_user WHERE username = :username AND enabled = TRUE")
    Optional<Long> currentOfEnabled(String username);

    /**
     * An enabled user's session generation and practices in one read: one row per assigned practice (a null practice
     * when none, or when the user reaches every practice); no row when the user is gone or disabled.
     */
    @Query("SELECT u.session_generation, u.all_practices, up.practice_id FROM app_user u"
            + " LEFT JOIN user_practice up ON up.user_id = u.id AND u.all_practices = FALSE"
            + " WHERE u.username = :username AND u.enabled = TRUE")
    List<StandingRow> standingOf(String username);

    /** A row of {@link #standingOf}. */
    @io.micronaut.core.annotation.Introspected
    record StandingRow(long sessionGeneration, boolean allPractices, @io.micronaut.core.annotation.Nullable Long practiceId) {
    }

    /** Ends every token issued so far to this user. */
    @Query("UPDATE app_user SET session_generation = session_generation + 1 WHERE username = :username")
    long revokeAll(String username);

    @Query("UPDATE app_user SET session_generation = session_generation + 1 WHERE id = :id")
    long revokeAllOf(Long id);
}
