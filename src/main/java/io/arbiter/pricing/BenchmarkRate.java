package io.arbiter.pricing;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One UCR benchmark row: amount for one unit, unilateral, before multiple-procedure reductions. */
@Serdeable
public record BenchmarkRate(String set, BenchmarkKind kind, String procedureCode, String modifier, String geozip,
                            int percentile, BigDecimal amount, LocalDate effectiveFrom, LocalDate effectiveTo) {

    String key() {
        return String.join("|", set, kind.name(), String.valueOf(percentile), procedureCode, modifier, geozip, effectiveFrom.toString());
    }
}
