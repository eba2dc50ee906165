package io.arbiter.intake;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ImportFileRepository extends CrudRepository<ImportFile, Long> {

    Optional<ImportFile> findFirstBySha256AndStatusInOrderById(String sha256, Collection<String> statuses);

    Page<ImportFile> findAllOrderByIdDesc(Pageable pageable);

    @Query("""
            UPDATE import_file SET format = :format, status = :status, transactions = :transactions, claims = :claims,
              service_lines = :serviceLines, adjustments = :adjustments, processed = :processed, errors = :errors,
              warnings = :warnings, finished_at = :finishedAt, version = version + 1, updated_at = :finishedAt
            WHERE id = :id""")
    void finish(Long id, @Nullable String format, String status, int transactions, int claims, int serviceLines, int adjustments,
                long processed, @Nullable String errors, @Nullable String warnings, LocalDateTime finishedAt);
}
