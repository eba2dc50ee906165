package io.arbiter.practice;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The payers' plans (plan type, network status). Other capabilities read and create plans through this, never through the repository (practice owns the table). */
@Singleton
public class Plans {

    private final PlanRepository repository;

    public Plans(PlanRepository repository) {
        this.repository = repository;
    }

    public Optional<Plan> findById(Long id) {
        return repository.findById(id);
    }

    public List<Plan> findAll() {
        return repository.findAll();
    }

    public List<Plan> findByPayerId(Long payerId) {
        return repository.findByPayerId(payerId);
    }

    public Plan save(Plan plan) {
        return repository.save(plan);
    }

}
