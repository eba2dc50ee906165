package io.arbiter.priorauth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** One step of an authorization's timeline (submitted, pended, approved, denied...). */
@MappedEntity("prior_auth_event")
public record PriorAuthEvent(
        @Id @GeneratedValue @Nullable Long id,
        Long priorAuthId,
        AuthStatus status,
        LocalDate eventDate,
        @Nullable String note,
        String recordedBy,
        @DateCreated @Nullable LocalDateTime createdAt) {
}
