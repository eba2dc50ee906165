package io.arbiter.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CasePaymentRepository extends CrudRepository<CasePayment, Long> {

    List<CasePayment> findByCaseIdOrderById(Long caseId);

    List<CasePayment> findByCaseIdInOrderById(Collection<Long> caseIds);
}
