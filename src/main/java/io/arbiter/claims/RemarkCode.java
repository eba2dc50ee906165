package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A RARC received at claim level (MIA/MOA) or line level (LQ*HE). */
@MappedEntity("remark_code")
public record RemarkCode(
        @Id @GeneratedValue @Nullable Long id,
        Long claimId,
        @Nullable Long claimLineId,
        @Nullable Long remittanceId,
        String code,
        String source) {
}
