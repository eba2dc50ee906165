package io.arbiter.cases;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DisputeCaseRepository extends CrudRepository<DisputeCase, Long> {

    Optional<DisputeCase> findByCaseNumber(String caseNumber);

    List<DisputeCase> findByIdIn(Collection<Long> ids);

    List<DisputeCase> findByStageInAndNextDeadlineDateLessThan(Collection<CaseStage> stages, java.time.LocalDate date);

    List<DisputeCase> findByStageIn(Collection<CaseStage> stages);

    List<DisputeCase> findByAssignee(String assignee);

    @io.micronaut.data.annotation.Query(value = "SELECT practice_id FROM dispute_case WHERE id = :id", nativeQuery = true)
    Optional<Long> findPracticeIdById(Long id);
}
