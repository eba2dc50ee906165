package io.arbiter.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseDeadlineRepository extends CrudRepository<CaseDeadline, Long> {

    List<CaseDeadline> findByCaseIdOrderByDueDate(Long caseId);

    void deleteByCaseId(Long caseId);

    List<CaseDeadline> findByCaseIdInAndKey(Collection<Long> caseIds, String key);

    List<CaseDeadline> findByCaseIdInAndMetFalseOrderByDueDate(Collection<Long> caseIds);
}
