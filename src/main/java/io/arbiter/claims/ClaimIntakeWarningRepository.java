package io.arbiter.claims;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ClaimIntakeWarningRepository extends GenericRepository<ClaimIntakeWarning, Long> {

    List<ClaimIntakeWarning> findByClaimIdOrderById(Long claimId);
}
