package io.arbiter.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** A finding as the API contract lists it (plus severity, category and allowed as extensions). */
@Serdeable
public record FindingView(Long id, String type, Long claimId, @Nullable Long lineId, String rule, @Nullable BigDecimal expected,
                          @Nullable BigDecimal paid, @Nullable BigDecimal gap, @Nullable String basis, String explanation,
                          @Nullable String citation, @Nullable BigDecimal allowed, String severity, @Nullable String category) {

    static FindingView of(Finding f) {
        return new FindingView(f.id(), f.type().name(), f.claimId(), f.lineId(), f.rule(), f.expected(), f.paid(), f.gap(), f.basis(),
                f.explanation(), f.citation(), f.allowed(), f.severity(), f.category());
    }
}
