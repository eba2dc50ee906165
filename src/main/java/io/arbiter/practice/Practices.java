package io.arbiter.practice;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The practices (billing entities) Arbiter works for. Other capabilities read and create practices through this, never through the repository (practice owns the table). */
@Singleton
public class Practices {

    private final PracticeRepository repository;

    public Practices(PracticeRepository repository) {
        this.repository = repository;
    }

    public Optional<Practice> findById(Long id) {
        return repository.findById(id);
    }

    public List<Practice> findAll() {
        return repository.findAll();
    }

    public boolean existsById(Long id) {
        return repository.existsById(id);
    }

    public Optional<Practice> findFirstOrderById() {
        return repository.findFirstOrderById();
    }

    public Practice save(Practice practice) {
        return repository.save(practice);
    }

    public Practice update(Practice practice) {
        return repository.update(practice);
    }

}
