package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * A CAS adjustment: group (CO/PR/OA/PI), CARC and amount, at claim level (no line) or on a line. Stored with the
 * remittance that carried it ({@link RemittanceDetail}); {@code remittanceId} names that remittance.
 */
public record Adjustment(
        Long claimId,
        @Nullable Long claimLineId,
        @Nullable Long remittanceId,
        String groupCode,
        String reasonCode,
        BigDecimal amount,
        @Nullable BigDecimal quantity) {
}
