package io.arbiter.priorauth;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PriorAuthEventRepository extends CrudRepository<PriorAuthEvent, Long> {

    List<PriorAuthEvent> findByPriorAuthIdOrderById(Long priorAuthId);
}
