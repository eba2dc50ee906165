package io.arbiter.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.util.List;

/** The findings of the scan as other capabilities read them (findings owns the table). */
@Singleton
public class Findings {

    private final FindingRepository repository;

    public Findings(FindingRepository repository) {
        this.repository = repository;
    }

    public List<Finding> findByClaimIdOrderById(Long claimId) {
        return repository.findByClaimIdOrderById(claimId);
    }

    public Page<Finding> search(@Nullable String type, @Nullable Long claimId, io.arbiter.security.PracticeAccess access,
                                Pageable pageable) {
        return repository.search(type, claimId, access.all(), access.idsForQuery(), pageable);
    }
}
