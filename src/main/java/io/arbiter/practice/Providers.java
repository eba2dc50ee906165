package io.arbiter.practice;

import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/** The rendering providers of a practice. Other capabilities read and create providers through this, never through the repository (practice owns the table). */
@Singleton
public class Providers {

    private final ProviderRepository repository;

    public Providers(ProviderRepository repository) {
        this.repository = repository;
    }

    public Optional<Provider> findByRenderingNpi(String renderingNpi) {
        return repository.findByRenderingNpi(renderingNpi);
    }

    public Provider save(Provider provider) {
        return repository.save(provider);
    }

}
