package io.arbiter.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseShareRepository extends CrudRepository<CaseShare, Long> {

    boolean existsByCaseIdAndUsername(Long caseId, String username);

    List<CaseShare> findByUsername(String username);

    List<CaseShare> findByCaseId(Long caseId);

    long deleteByCaseIdAndUsername(Long caseId, String username);
}
