package io.arbiter.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ClinicalDocumentRepository extends CrudRepository<ClinicalDocument, Long> {

    List<ClinicalDocument> findByPatientIdOrderByDocumentDate(Long patientId);

    /** What the scrubber reads for a claim: documents of the claim and of its patient. */
    @Query("SELECT * FROM clinical_documentation WHERE claim_id = :claimId OR (:patientId IS NOT NULL AND patient_id = :patientId) "
            + "ORDER BY document_date, id")
    List<ClinicalDocument> forClaim(Long claimId, @Nullable Long patientId);
}
