package io.arbiter.claims;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ClaimLineRepository extends CrudRepository<ClaimLine, Long> {

    List<ClaimLine> findByClaimIdOrderByLineNumber(Long claimId);

    List<ClaimLine> findByClaimIdInOrderByClaimIdAndLineNumber(Collection<Long> claimIds);

    List<ClaimLine> findByIdIn(Collection<Long> ids);
}
