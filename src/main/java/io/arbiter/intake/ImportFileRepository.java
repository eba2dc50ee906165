package io.arbiter.intake;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ImportFileRepository extends CrudRepository<ImportFile, Long> {

    Optional<ImportFile> findFirstBySha256AndStatusInOrderById(String sha256, Collection<String> statuses);

    Page<ImportFile> findAllOrderByIdDesc(Pageable pageable);
}
