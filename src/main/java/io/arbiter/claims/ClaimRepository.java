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

    /**
     * Claims by claim number, payer claim number, payer and status, of the given practices unless {@code allPractices}.
     * The payer comes as its ids ({@link #payerIds}), so a payer's page is read in id order on ix_claim_payer instead of
     * all of its claims being sorted; see {@link Claims#search} for why a claim number comes with the practices listed.
     */
    @Query(value = """
            SELECT c.* FROM claim c
            WHERE (:pcn IS NULL OR c.patient_control_number = :pcn)
              AND (:ccn IS NULL OR c.payer_claim_control_number = :ccn)
              AND (:anyPayer = TRUE OR c.payer_id IN (:payerIds))
              AND (:status IS NULL OR c.claim_status_code = :status)
              AND (:allPractices = TRUE OR c.practice_id IN (:practiceIds))
            ORDER BY c.id""",
            countQuery = """
            SELECT COUNT(*) FROM claim c
            WHERE (:pcn IS NULL OR c.patient_control_number = :pcn)
              AND (:ccn IS NULL OR c.payer_claim_control_number = :ccn)
              AND (:anyPayer = TRUE OR c.payer_id IN (:payerIds))
              AND (:status IS NULL OR c.claim_status_code = :status)
              AND (:allPractices = TRUE OR c.practice_id IN (:practiceIds))""")
    Page<Claim> search(@Nullable String pcn, @Nullable String ccn, boolean anyPayer, Collection<Long> payerIds, @Nullable String status,
                       boolean allPractices, Collection<Long> practiceIds, Pageable pageable);

    /** The payers a search term names, by name or payer code. */
    @Query(value = "SELECT id FROM payer WHERE name = :term OR payer_code = :term", nativeQuery = true)
    List<Long> payerIds(String term);

    @io.micronaut.data.annotation.Query(value = "SELECT practice_id FROM claim WHERE id = :id", nativeQuery = true)
    Optional<Long> findPracticeIdById(Long id);
}
