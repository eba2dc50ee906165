package io.arbiter.cases;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;

/** A case's events as other capabilities read them (cases owns the table). */
@Singleton
public class CaseEvents {

    private final CaseEventRepository repository;

    public CaseEvents(CaseEventRepository repository) {
        this.repository = repository;
    }

    public List<CaseEvent> findByCaseIdOrderById(Long caseId) {
        return repository.findByCaseIdOrderById(caseId);
    }

    public List<CaseEvent> findByCaseIdIn(Collection<Long> caseIds) {
        return repository.findByCaseIdIn(caseIds);
    }

    /** Every case's events of these types, oldest first (finance's cash received by month). */
    public List<CaseEvent> findByTypeIn(Collection<CaseEventType> types) {
        return repository.findByTypeInOrderByEventDate(types);
    }
}
