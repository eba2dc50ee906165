package io.arbiter.cases;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

/** The claim lines a case disputes, as other capabilities read them (cases owns the table). */
@Singleton
public class CaseLines {

    private final CaseLineRepository repository;

    public CaseLines(CaseLineRepository repository) {
        this.repository = repository;
    }

    public List<CaseLine> findByCaseIdOrderById(Long caseId) {
        return repository.findByCaseIdOrderById(caseId);
    }

    public List<CaseLine> findByClaimLineIdIn(Collection<Long> claimLineIds) {
        return repository.findByClaimLineIdIn(claimLineIds);
    }

    public List<CaseLine> findByCaseIdIn(Collection<Long> caseIds) {
        return repository.findByCaseIdIn(caseIds);
    }

    public CaseLine save(CaseLine line) {
        return repository.save(line);
    }
}
