package io.arbiter.cases;

import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** A case's payments with their sources, as other capabilities read them (cases owns the table). */
@Singleton
public class CasePayments {

    private final CasePaymentRepository repository;

    public CasePayments(CasePaymentRepository repository) {
        this.repository = repository;
    }

    public List<CasePayment> findByCaseIdOrderById(Long caseId) {
        return repository.findByCaseIdOrderById(caseId);
    }

    public List<CasePayment> findByCaseIdIn(Collection<Long> caseIds) {
        return caseIds.isEmpty() ? List.of() : repository.findByCaseIdInOrderById(caseIds);
    }

    /** Marks a manual payment as the one a later 835 restates (in the caller's transaction); it is not counted again. */
    public CasePayment confirm(CasePayment manual, Long importId, String trace, LocalDate on) {
        if (manual.source() != PaymentSource.MANUAL || manual.confirmed()) {
            throw new IllegalStateException("only an unconfirmed manual payment is confirmed by a remittance");
        }
        return repository.update(manual.confirm(importId, trace, on));
    }
}
