package io.arbiter.denials;

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
public interface DenialRepository extends CrudRepository<Denial, Long> {

    Optional<Denial> findByClaimLineId(Long claimLineId);

    List<Denial> findByClaimLineIdIn(Collection<Long> claimLineIds);

    /** The work queue: soonest appeal deadline first (none last), then oldest. */
    @Query(value = """
            SELECT d.* FROM denial d
            WHERE (:category IS NULL OR d.category = :category) AND (:owner IS NULL OR d.owner = :owner)
              AND (:status IS NULL OR d.status = :status)
              AND (:allPractices = TRUE OR d.practice_id IN (:practiceIds))
            ORDER BY CASE WHEN d.appeal_due IS NULL THEN 1 ELSE 0 END, d.appeal_due, d.id""",
            countQuery = """
            SELECT COUNT(*) FROM denial d
            WHERE (:category IS NULL OR d.category = :category) AND (:owner IS NULL OR d.owner = :owner)
              AND (:status IS NULL OR d.status = :status)
              AND (:allPractices = TRUE OR d.practice_id IN (:practiceIds))""")
    Page<Denial> search(@Nullable String category, @Nullable String owner, @Nullable String status, boolean allPractices,
                        java.util.Collection<Long> practiceIds, Pageable pageable);

    /**
     * The same work queue by keyset (issue 21): the page after the denial ({@code afterDue}, {@code afterId}); a denial
     * without an appeal deadline sorts as 9999-12-31, i.e. last.
     */
    @Query(value = """
            SELECT d.* FROM denial d
            WHERE (:category IS NULL OR d.category = :category) AND (:owner IS NULL OR d.owner = :owner)
              AND (:status IS NULL OR d.status = :status)
              AND (:allPractices = TRUE OR d.practice_id IN (:practiceIds))
              AND (COALESCE(d.appeal_due, DATE '9999-12-31') > :afterDue
                   OR (COALESCE(d.appeal_due, DATE '9999-12-31') = :afterDue AND d.id > :afterId))
            ORDER BY COALESCE(d.appeal_due, DATE '9999-12-31'), d.id LIMIT :size""", nativeQuery = true)
    List<Denial> searchAfter(@Nullable String category, @Nullable String owner, @Nullable String status, boolean allPractices,
                             java.util.Collection<Long> practiceIds, java.time.LocalDate afterDue, long afterId, int size);

    @io.micronaut.data.annotation.Query(value = "SELECT practice_id FROM denial WHERE id = :id", nativeQuery = true)
    Optional<Long> findPracticeIdById(Long id);
}
