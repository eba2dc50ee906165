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

/**
 * A payer as it identifies itself on remittances ({@code payerCode}: 835 REF*2U / N1*PR id, 837 NM1*PR id),
 * with the payer-specific policies Arbiter applies (bilateral format, appeal window).
 */
@Serdeable
@MappedEntity("payer")
public record Payer(
        @Id @GeneratedValue @Nullable Long id,
        String name,
        String payerCode,
        @Nullable String legalEntity,
        BilateralFormat bilateralFormat,
        @Nullable Integer appealWindowDays,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public static Payer create(String name, String payerCode, String legalEntity) {
        return new Payer(null, name, payerCode, legalEntity, BilateralFormat.MODIFIER_50, null, null, null, null);
    }

    /** The plan or issuer's legal name, as the Notice of IDR Initiation names the other party (blank clears it). */
    public Payer withLegalEntity(@Nullable String legalName) {
        return new Payer(id, name, payerCode, legalName == null || legalName.isBlank() ? null : legalName.trim(), bilateralFormat,
                appealWindowDays, version, createdAt, updatedAt);
    }

    public Payer withPolicies(BilateralFormat format, @Nullable Integer appealWindowDays) {
        return new Payer(id, name, payerCode, legalEntity, format, appealWindowDays, version, createdAt, updatedAt);
    }
}
