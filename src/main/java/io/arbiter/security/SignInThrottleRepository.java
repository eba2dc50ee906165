package io.arbiter.security;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface SignInThrottleRepository extends CrudRepository<SignInThrottleEntry, Long> {

    Optional<SignInThrottleEntry> findByThrottleKeyForUpdate(String throttleKey);

    List<SignInThrottleEntry> findByThrottleKeyInList(List<String> throttleKeys);

    List<SignInThrottleEntry> findByLockedUntilGreaterThanOrderByLockedUntilDesc(LocalDateTime now);

    void deleteByThrottleKey(String throttleKey);
}
