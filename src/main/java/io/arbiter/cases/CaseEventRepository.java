package io.arbiter.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseEventRepository extends CrudRepository<CaseEvent, Long> {

    List<CaseEvent> findByCaseIdOrderById(Long caseId);

    List<CaseEvent> findByCaseIdIn(Collection<Long> caseIds);

    List<CaseEvent> findByTypeInOrderByEventDate(Collection<CaseEventType> types);
}
