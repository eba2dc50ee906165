package io.arbiter.packets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * A packet as generated and stored. {@code caseId} is the DisputeCase id (no foreign key yet: the cases
 * table is created by the Cases capability). Append-only: regenerating stores a new row.
 */
@MappedEntity("generated_packet")
public record GeneratedPacket(
        @Id @GeneratedValue @Nullable Long id,
        Long caseId,
        PacketType packetType,
        String sha256,
        String templateVersion,
        int pageCount,
        long byteSize,
        LocalDateTime generatedAt,
        String generatedBy,
        byte[] content) {
}
