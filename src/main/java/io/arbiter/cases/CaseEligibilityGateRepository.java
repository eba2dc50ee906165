package io.arbiter.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseEligibilityGateRepository extends CrudRepository<CaseEligibilityGate, Long> {

    List<CaseEligibilityGate> findByCaseIdOrderByOrdinal(Long caseId);

    void deleteByCaseId(Long caseId);
}
