package io.arbiter.claims;

import io.arbiter.practice.Practice;
import io.arbiter.practice.Practices;
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
    private final Practices practices;

    public Claims(ClaimRepository repository, Practices practices) {
        this.repository = repository;
        this.practices = practices;
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

    /**
     * Claims by patient control number, payer claim number, payer (name or code) and status, in id order, of the
     * practices the user reaches. A claim number is unique per practice (uq_claim_pcn, practice first), so a search by
     * claim number names the practices even for a user who reaches all of them: one index look-up per practice instead
     * of reading every claim.
     */
    public Page<Claim> search(@Nullable String pcn, @Nullable String ccn, @Nullable String payer, @Nullable String status,
                              PracticeAccess access, Pageable pageable) {
        List<Long> payerIds = payer == null ? List.of(-1L) : repository.payerIds(payer);
        boolean allPractices = access.all() && pcn == null;
        List<Long> practiceIds = allPractices ? List.of() : access.all() ? practices.findAll().stream().map(Practice::id).toList()
                : access.idsForQuery();
        return repository.search(pcn, ccn, payer == null, payerIds.isEmpty() ? List.of(-1L) : payerIds, status, allPractices,
                allPractices || practiceIds.isEmpty() ? List.of(-1L) : practiceIds, pageable);
    }

    public Claim save(Claim claim) {
        return repository.save(claim);
    }
}
