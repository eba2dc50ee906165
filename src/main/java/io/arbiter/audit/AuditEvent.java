package io.arbiter.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;

/** One access to a record containing PHI. Append-only. */
@Serdeable
@MappedEntity("audit_event")
public record AuditEvent(
        @Id @GeneratedValue @Nullable Long id,
        LocalDateTime occurredAt,
        String username,
        AuditAction action,
        String entityType,
        @Nullable String entityId,
        @Nullable String detail,
        @Nullable String clientAddress) {
}
