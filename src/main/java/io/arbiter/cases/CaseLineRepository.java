package io.arbiter.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseLineRepository extends CrudRepository<CaseLine, Long> {

    List<CaseLine> findByCaseIdOrderById(Long caseId);

    List<CaseLine> findByClaimLineIdIn(Collection<Long> claimLineIds);

    List<CaseLine> findByCaseIdIn(Collection<Long> caseIds);
}
