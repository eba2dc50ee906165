package io.arbiter.claims;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RemarkCodeRepository extends CrudRepository<RemarkCode, Long> {

    List<RemarkCode> findByClaimIdOrderById(Long claimId);

    List<RemarkCode> findByClaimIdInOrderById(Collection<Long> claimIds);
}
