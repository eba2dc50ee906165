package io.arbiter.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface FindingRepository extends CrudRepository<Finding, Long> {

    /** Ranked by dollars: largest gap first, then by id. */
    @Query(value = "SELECT " + COLUMNS + " FROM finding f LEFT JOIN finding_citation fc ON fc.id = f.citation_id"
            + " WHERE (:type IS NULL OR f.type = :type) AND (:claimId IS NULL OR f.claim_id = :claimId)"
            + " AND (:allPractices = TRUE OR EXISTS (SELECT 1 FROM claim c WHERE c.id = f.claim_id AND c.practice_id IN (:practiceIds)))"
            + " ORDER BY CASE WHEN f.gap IS NULL THEN 1 ELSE 0 END, f.gap DESC, f.id",
            countQuery = "SELECT COUNT(*) FROM finding f WHERE (:type IS NULL OR f.type = :type) AND (:claimId IS NULL OR f.claim_id = :claimId)"
                    + " AND (:allPractices = TRUE OR EXISTS (SELECT 1 FROM claim c WHERE c.id = f.claim_id AND c.practice_id IN (:practiceIds)))")
    Page<Finding> search(@Nullable String type, @Nullable Long claimId, boolean allPractices, java.util.Collection<Long> practiceIds,
                         Pageable pageable);

    @Query("SELECT " + COLUMNS + " FROM finding f LEFT JOIN finding_citation fc ON fc.id = f.citation_id WHERE f.claim_id = :claimId ORDER BY f.id")
    List<Finding> findByClaimIdOrderById(Long claimId);

    /** The finding's columns with the citation text resolved from its reference (older rows carry the text inline). */
    String COLUMNS = "f.id, f.type, f.claim_id, f.line_id, f.rule_id, f.severity, f.category, f.expected, f.allowed, f.paid, f.gap, f.basis, "
            + "f.explanation, COALESCE(fc.citation, f.citation) AS citation, f.created_at, f.citation_id";
}
