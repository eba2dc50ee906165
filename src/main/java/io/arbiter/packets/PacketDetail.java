package io.arbiter.packets;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** One fact for packets, at practice, payer, case or line scope (see V51__packet_detail.sql). */
@MappedEntity("packet_detail")
public record PacketDetail(
        @Id @GeneratedValue @Nullable Long id,
        String scope,
        Long scopeId,
        String fieldKey,
        String fieldValue,
        String updatedBy,
        LocalDateTime updatedAt) {

    public enum Scope { PRACTICE, PAYER, CASE, LINE }
}
