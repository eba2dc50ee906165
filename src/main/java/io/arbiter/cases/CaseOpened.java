package io.arbiter.cases;

import java.util.List;

/**
 * A case was opened on these claims: published inside the opening transaction, so what the case starts from (the
 * remittances already received, its initial payment) is fixed with it.
 */
public record CaseOpened(Long caseId, List<Long> claimIds) {

    public CaseOpened {
        claimIds = List.copyOf(claimIds);
    }
}
