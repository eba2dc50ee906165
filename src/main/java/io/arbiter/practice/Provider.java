package io.arbiter.practice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;

/** A rendering clinician of the practice. */
@Serdeable
@MappedEntity("provider")
public record Provider(
        @Id @GeneratedValue @Nullable Long id,
        Long practiceId,
        String renderingNpi,
        String name,
        @Nullable String specialty,
        @Nullable String taxonomyCode,
        ProviderType providerType,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public static Provider create(Long practiceId, String npi, String name, String specialty, ProviderType type) {
        return new Provider(null, practiceId, npi, name, specialty, null, type, null, null, null);
    }
}
