package io.arbiter.cases;

import jakarta.inject.Singleton;

import java.util.List;

/** A case's computed deadlines as other capabilities read them (cases owns the table). */
@Singleton
public class CaseDeadlines {

    private final CaseDeadlineRepository repository;

    public CaseDeadlines(CaseDeadlineRepository repository) {
        this.repository = repository;
    }

    public List<CaseDeadline> findByCaseIdOrderByDueDate(Long caseId) {
        return repository.findByCaseIdOrderByDueDate(caseId);
    }

    /** These cases' deadlines of one key (e.g. FEE_REFUND_DUE), for reports. */
    public List<CaseDeadline> findByCaseIdInAndKey(java.util.Collection<Long> caseIds, String key) {
        return caseIds.isEmpty() ? List.of() : repository.findByCaseIdInAndKey(caseIds, key);
    }
}
