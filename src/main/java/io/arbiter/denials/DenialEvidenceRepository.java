package io.arbiter.denials;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DenialEvidenceRepository extends CrudRepository<DenialEvidence, Long> {

    List<DenialEvidence> findByDenialIdOrderByItemIndex(Long denialId);

    void deleteByDenialId(Long denialId);
}
