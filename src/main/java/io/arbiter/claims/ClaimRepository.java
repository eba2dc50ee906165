package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ClaimRepository extends CrudRepository<Claim, Long> {

    Optional<Claim> findByPracticeIdAndPatientControlNumber(Long practiceId, String patientControlNumber);

    List<Claim> findByIdIn(Collection<Long> ids);

    @Query(value = """
            SELECT c.* FROM claim c LEFT JOIN payer p ON p.id = c.payer_id
            WHERE (:pcn IS NULL OR c.patient_control_number = :pcn)
              AND (:ccn IS NULL OR c.payer_claim_control_number = :ccn)
              AND (:payer IS NULL OR p.name = :payer OR p.payer_code = :payer)
              AND (:status IS NULL OR c.claim_status_code = :status)
              AND (:allPractices = TRUE OR c.practice_id IN (:practiceIds))
            ORDER BY c.id""",
            countQuery = """
            SELECT COUNT(*) FROM claim c LEFT JOIN payer p ON p.id = c.payer_id
            WHERE (:pcn IS NULL OR c.patient_control_number = :pcn)
              AND (:ccn IS NULL OR c.payer_claim_control_number = :ccn)
              AND (:payer IS NULL OR p.name = :payer OR p.payer_code = :payer)
              AND (:status IS NULL OR c.claim_status_code = :status)
              AND (:allPractices = TRUE OR c.practice_id IN (:practiceIds))""")
    Page<Claim> search(@Nullable String pcn, @Nullable String ccn, @Nullable String payer, @Nullable String status,
                       boolean allPractices, Collection<Long> practiceIds, Pageable pageable);

    @io.micronaut.data.annotation.Query(value = "SELECT practice_id FROM claim WHERE id = :id", nativeQuery = true)
    Optional<Long> findPracticeIdById(Long id);
}
