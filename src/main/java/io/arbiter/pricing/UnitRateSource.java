package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.List;

/** Where the amount of one unit of a code (unilateral, before reductions) comes from. */
public interface UnitRateSource {

    /** A unit amount (unrounded) with its steps, or the reason none exists. */
    record UnitRate(@Nullable BigDecimal amount, List<String> steps, List<Citation> citations, @Nullable String missing) {

        static UnitRate missing(String reason) {
            return new UnitRate(null, List.of(), List.of(), reason);
        }
    }

    String basis();

    UnitRate unitRate(PricingInput claim, PricingInput.Line line, boolean facility);
}
