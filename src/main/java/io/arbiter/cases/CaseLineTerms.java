package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** The stored terms of one case line (V77); see {@link LineTerms}. */
@MappedEntity("case_line_terms")
public record CaseLineTerms(
        @Id Long caseLineId,
        @Nullable BigDecimal qpa,
        @Nullable BigDecimal offer,
        @Nullable BigDecimal mar,
        @Nullable String marComputation,
        @Nullable BigDecimal amountInDispute,
        @Nullable Integer units,
        @Nullable String description,
        @Version Long version,
        String updatedBy,
        LocalDateTime updatedAt) {

    LineTerms terms() {
        return new LineTerms(qpa, offer, mar, marComputation, amountInDispute, units, description);
    }

    static CaseLineTerms of(Long caseLineId, LineTerms t, Long version, String by, LocalDateTime at) {
        return new CaseLineTerms(caseLineId, t.qpa(), t.offer(), t.mar(), t.marComputation(), t.amountInDispute(), t.units(),
                t.description(), version, by, at);
    }
}
