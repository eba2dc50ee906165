package io.arbiter.practice;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PayerRepository extends CrudRepository<Payer, Long> {

    Optional<Payer> findByPayerCode(String payerCode);
    Optional<Payer> findFirstByName(String name);
    List<Payer> listOrderByName();
    List<Payer> findByIdIn(java.util.Collection<Long> ids);
}
