package io.arbiter.practice;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The patients of a practice. Other capabilities read and create patients through this, never through the repository (practice owns the table). */
@Singleton
public class Patients {

    private final PatientRepository repository;

    public Patients(PatientRepository repository) {
        this.repository = repository;
    }

    public Optional<Patient> findById(Long id) {
        return repository.findById(id);
    }

    public boolean existsById(Long id) {
        return repository.existsById(id);
    }

    public Patient save(Patient patient) {
        return repository.save(patient);
    }

}
