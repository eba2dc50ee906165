package io.arbiter.reconciliation;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface UnmatchedPaymentRepository extends CrudRepository<UnmatchedPayment, Long> {

    List<UnmatchedPayment> findByStatusOrderById(UnmatchedPayment.Status status);

    List<UnmatchedPayment> findByCaseIdIn(Collection<Long> caseIds);

    List<UnmatchedPayment> findByDenialId(Long denialId);
}
