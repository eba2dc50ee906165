package io.arbiter.claims;

import io.arbiter.security.PracticeAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The claims as imported and netted. Other capabilities read claim rows through this, never through the repository (claims owns the table). */
@Singleton
public class Claims {

    private final ClaimRepository repository;

    public Claims(ClaimRepository repository) {
        this.repository = repository;
    }

    public Optional<Claim> findById(Long id) {
        return repository.findById(id);
    }

    public List<Claim> findAll() {
        return repository.findAll();
    }

    public List<Claim> findByIdIn(Collection<Long> ids) {
        return repository.findByIdIn(ids);
    }

    public Optional<Claim> findByPracticeIdAndPatientControlNumber(Long practiceId, String patientControlNumber) {
        return repository.findByPracticeIdAndPatientControlNumber(practiceId, patientControlNumber);
    }

    /** Claims by patient control number, payer claim number, payer (name or code) and status, in id order. */
    public Page<Claim> search(@Nullable String pcn, @Nullable String ccn, @Nullable String payer, @Nullable String status,
                              PracticeAccess access, Pageable pageable) {
        return repository.search(pcn, ccn, payer, status, access.all(), access.idsForQuery(), pageable);
    }

    public Claim save(Claim claim) {
        return repository.save(claim);
    }
}
