package io.arbiter.practice;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** Minimal patient identity (PHI): only what packets and linking need. Never logged. */
@MappedEntity("patient")
public record Patient(
        @Id @GeneratedValue @Nullable Long id,
        Long practiceId,
        String lastName,
        @Nullable String firstName,
        @Nullable LocalDate birthDate,
        @Nullable String memberId,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public static Patient create(Long practiceId, String lastName, String firstName, LocalDate birthDate, String memberId) {
        return new Patient(null, practiceId, lastName, firstName, birthDate, memberId, null, null, null);
    }
}
