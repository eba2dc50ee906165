package io.arbiter.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AppUserRepository extends CrudRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    Optional<AppUser> findByCalendarToken(String calendarToken);

    List<AppUser> listOrderByUsername();

    @Query(value = "SELECT practice_id FROM user_practice WHERE user_id = :userId ORDER BY practice_id", nativeQuery = true)
    List<Long> practiceIdsOf(Long userId);

    @Query(value = "SELECT user_id, practice_id FROM user_practice ORDER BY user_id, practice_id", nativeQuery = true)
    List<UserPractice> allPracticeAssignments();

    /** One row of user_practice. */
    @io.micronaut.core.annotation.Introspected
    record UserPractice(Long userId, Long practiceId) {
    }

    @Query(value = "DELETE FROM user_practice WHERE user_id = :userId", nativeQuery = true)
    void clearPractices(Long userId);

    @Query(value = "INSERT INTO user_practice (user_id, practice_id) VALUES (:userId, :practiceId)", nativeQuery = true)
    void addPractice(Long userId, Long practiceId);
}
