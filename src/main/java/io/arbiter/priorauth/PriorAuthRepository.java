package io.arbiter.priorauth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;

import java.util.Optional;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface PriorAuthRepository extends CrudRepository<PriorAuth, Long> {

    List<PriorAuth> findByPatientIdAndPayerIdOrderById(Long patientId, Long payerId);

    @Query(value = """
            SELECT a.* FROM prior_auth a
            WHERE (:patientId IS NULL OR a.patient_id = :patientId) AND (:payerId IS NULL OR a.payer_id = :payerId)
              AND (:status IS NULL OR a.status = :status) AND (:family IS NULL OR a.family = :family)
              AND (:allPractices = TRUE OR a.practice_id IN (:practiceIds))
            ORDER BY a.requested_date DESC, a.id DESC""",
            countQuery = """
            SELECT COUNT(*) FROM prior_auth a
            WHERE (:patientId IS NULL OR a.patient_id = :patientId) AND (:payerId IS NULL OR a.payer_id = :payerId)
              AND (:status IS NULL OR a.status = :status) AND (:family IS NULL OR a.family = :family)
              AND (:allPractices = TRUE OR a.practice_id IN (:practiceIds))""")
    Page<PriorAuth> search(@Nullable Long patientId, @Nullable Long payerId, @Nullable String status, @Nullable String family,
                           boolean allPractices, java.util.Collection<Long> practiceIds,
                           Pageable pageable);

    @io.micronaut.data.annotation.Query(value = "SELECT practice_id FROM prior_auth WHERE id = :id", nativeQuery = true)
    Optional<Long> findPracticeIdById(Long id);
}
