package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/** One service line: CPT/HCPCS with up to four modifiers, as billed and as adjudicated. */
@MappedEntity("claim_line")
public record ClaimLine(
        @Id @GeneratedValue @Nullable Long id,
        Long claimId,
        int lineNumber,
        String procedureCode,
        @Nullable String modifier1,
        @Nullable String modifier2,
        @Nullable String modifier3,
        @Nullable String modifier4,
        BigDecimal units,
        BigDecimal charge,
        @Nullable BigDecimal allowed,
        BigDecimal paid,
        @Nullable LocalDate serviceDate,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public List<String> modifiers() {
        List<String> m = new ArrayList<>(4);
        for (String s : new String[]{modifier1, modifier2, modifier3, modifier4}) {
            if (s != null && !s.isBlank()) {
                m.add(s);
            }
        }
        return m;
    }

    public boolean hasModifier(String modifier) {
        return modifiers().contains(modifier);
    }
}
