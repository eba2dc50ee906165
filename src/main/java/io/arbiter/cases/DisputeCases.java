package io.arbiter.cases;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The dispute cases as other capabilities read them (cases owns the table). */
@Singleton
public class DisputeCases {

    private final DisputeCaseRepository repository;

    public DisputeCases(DisputeCaseRepository repository) {
        this.repository = repository;
    }

    public Optional<DisputeCase> findById(Long id) {
        return repository.findById(id);
    }

    public List<DisputeCase> findAll() {
        return repository.findAll();
    }

    public Optional<DisputeCase> findByCaseNumber(String caseNumber) {
        return repository.findByCaseNumber(caseNumber);
    }

    public List<DisputeCase> findByIdIn(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repository.findByIdIn(ids);
    }
}
