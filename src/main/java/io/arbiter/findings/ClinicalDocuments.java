package io.arbiter.findings;

import jakarta.inject.Singleton;

import java.util.List;

/** A patient's clinical documents (relief logs, procedure notes) as other capabilities read and add them. */
@Singleton
public class ClinicalDocuments {

    private final ClinicalDocumentRepository repository;

    public ClinicalDocuments(ClinicalDocumentRepository repository) {
        this.repository = repository;
    }

    public List<ClinicalDocument> findByPatientIdOrderByDocumentDate(Long patientId) {
        return repository.findByPatientIdOrderByDocumentDate(patientId);
    }

    public ClinicalDocument save(ClinicalDocument document) {
        return repository.save(document);
    }
}
