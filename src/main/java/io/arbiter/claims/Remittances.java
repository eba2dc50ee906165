package io.arbiter.claims;

import jakarta.inject.Singleton;

import java.util.List;

/** A claim's remittances as received, as other capabilities read and (the demo) add them. */
@Singleton
public class Remittances {

    private final RemittanceRepository repository;

    public Remittances(RemittanceRepository repository) {
        this.repository = repository;
    }

    public List<Remittance> findByClaimIdOrderById(Long claimId) {
        return repository.findByClaimIdOrderById(claimId);
    }

    public Remittance save(Remittance remittance) {
        return repository.save(remittance);
    }
}
