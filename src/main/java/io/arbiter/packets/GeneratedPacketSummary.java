package io.arbiter.packets;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.serde.annotation.Serdeable;

import java.time.LocalDateTime;

/** A stored packet without its bytes (for listings). */
@Introspected
@Serdeable
public record GeneratedPacketSummary(Long id, Long caseId, PacketType packetType, String sha256,
                                     String templateVersion, int pageCount, long byteSize,
                                     LocalDateTime generatedAt, String generatedBy) {
}
