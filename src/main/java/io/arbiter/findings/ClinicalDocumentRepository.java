package io.arbiter.findings;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ClinicalDocumentRepository extends CrudRepository<ClinicalDocument, Long> {

    List<ClinicalDocument> findByPatientIdOrderByDocumentDate(Long patientId);
}
