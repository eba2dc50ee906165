package io.arbiter.packets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * A packet as generated and stored. {@code caseId} is the DisputeCase id (no foreign key yet: the cases
 * table is created by the Cases capability). Append-only: a packet whose inputs changed is stored as a new row;
 * {@code inputSha256} fingerprints what it was rendered from (type, template version, case data) so that asking for
 * the same packet again serves the stored bytes instead of storing a copy.
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
        byte[] content,
        @Nullable String inputSha256) {
}
