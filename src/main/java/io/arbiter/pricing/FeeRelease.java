package io.arbiter.pricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stored PPRRVU or GPCI release and the dates of service it applies to. */
@Serdeable
public record FeeRelease(long id, String name, LocalDate effectiveFrom, LocalDate effectiveTo,
                         @Nullable BigDecimal conversionFactor, int rows) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(effectiveFrom) && !date.isAfter(effectiveTo);
    }
}
