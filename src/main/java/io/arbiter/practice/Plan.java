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

/** A health plan of a payer; its type and regulator state decide which law governs a dispute. */
@Serdeable
@MappedEntity("plan")
public record Plan(
        @Id @GeneratedValue @Nullable Long id,
        Long payerId,
        String name,
        PlanType planType,
        @Nullable String regulatorState,
        NetworkStatus networkStatus,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public static Plan create(Long payerId, String name, PlanType type, String regulatorState, NetworkStatus status) {
        return new Plan(null, payerId, name, type, regulatorState, status, null, null, null);
    }
}
