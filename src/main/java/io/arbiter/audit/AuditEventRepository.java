package io.arbiter.audit;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditEventRepository extends CrudRepository<AuditEvent, Long> {

    List<AuditEvent> findByEntityTypeAndEntityIdOrderById(String entityType, String entityId);

    List<AuditEvent> findByUsernameOrderById(String username);

    Page<AuditEvent> findAllOrderByIdDesc(Pageable pageable);
}
