package io.arbiter.claims;

import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The service lines of claims. Other capabilities read claim line rows through this, never through the repository (claims owns the table). */
@Singleton
public class ClaimLines {

    private final ClaimLineRepository repository;

    public ClaimLines(ClaimLineRepository repository) {
        this.repository = repository;
    }

    public Optional<ClaimLine> findById(Long id) {
        return repository.findById(id);
    }

    public List<ClaimLine> findByClaimIdOrderByLineNumber(Long claimId) {
        return repository.findByClaimIdOrderByLineNumber(claimId);
    }

    public List<ClaimLine> findByClaimIdInOrderByClaimIdAndLineNumber(Collection<Long> claimIds) {
        return repository.findByClaimIdInOrderByClaimIdAndLineNumber(claimIds);
    }

    public List<ClaimLine> findByIdIn(Collection<Long> ids) {
        return repository.findByIdIn(ids);
    }

    public ClaimLine save(ClaimLine line) {
        return repository.save(line);
    }
}
