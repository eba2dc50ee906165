package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;

/**
 * A RARC received at claim level (MIA/MOA) or line level (LQ*HE). Stored with the remittance that carried it
 * ({@link RemittanceDetail}); {@code remittanceId} names that remittance.
 */
public record RemarkCode(
        Long claimId,
        @Nullable Long claimLineId,
        @Nullable Long remittanceId,
        String code,
        String source) {
}
