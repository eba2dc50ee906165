package io.arbiter.reconciliation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface RemittanceMatchRepository extends CrudRepository<RemittanceMatch, Long> {

    List<RemittanceMatch> findByClaimId(Long claimId);

    List<RemittanceMatch> findByCaseIdIn(java.util.Collection<Long> caseIds);
}
