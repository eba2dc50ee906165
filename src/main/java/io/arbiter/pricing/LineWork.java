package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Mutable per-line state while the policies run over a claim (engine-internal). */
final class LineWork {
    final PricingInput.Line line;
    final @Nullable RvuValue indicators;
    final List<String> steps = new ArrayList<>();
    final List<Citation> citations = new ArrayList<>();
    final List<String> flags = new ArrayList<>();
    UnitRateSource.UnitRate rate;
    boolean bundled;
    /** Number of services the line stands for after unit and bilateral interpretation. */
    BigDecimal services = BigDecimal.ONE;
    /** Percentage of one unit per service from the bilateral policy (1.5 for indicator 1 with 50). */
    BigDecimal bilateralFactor = BigDecimal.ONE;
    /** Share of a bilateral service this line carries (0.5 each for an RT/LT pair). */
    BigDecimal share = BigDecimal.ONE;
    @Nullable LineWork pairedWith;
    BigDecimal amount;

    LineWork(PricingInput.Line line, @Nullable RvuValue indicators) {
        this.line = line;
        this.indicators = indicators;
    }

    boolean priceable() {
        return !bundled && rate != null && rate.amount() != null;
    }

    String bilateralIndicator() {
        return indicators == null ? null : indicators.bilateralIndicator();
    }
}
