package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;

/** A CAS adjustment: group (CO/PR/OA/PI), CARC and amount, at claim level or on a line. */
@MappedEntity("adjustment")
public record Adjustment(
        @Id @GeneratedValue @Nullable Long id,
        Long claimId,
        @Nullable Long claimLineId,
        @Nullable Long remittanceId,
        String groupCode,
        String reasonCode,
        BigDecimal amount,
        @Nullable BigDecimal quantity) {
}
