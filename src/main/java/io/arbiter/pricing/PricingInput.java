package io.arbiter.pricing;

import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.PlanType;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** What the engine needs of a claim: place, payer policy and lines. Built from stored claims or by callers. */
public record PricingInput(@Nullable Long claimId, @Nullable String placeOfService, @Nullable String serviceZip,
                           @Nullable String serviceState, LocalDate serviceDate, BilateralFormat bilateralFormat,
                           @Nullable PlanType planType, List<Line> lines) {

    public record Line(@Nullable Long lineId, int lineNumber, String code, List<String> modifiers, BigDecimal units,
                       BigDecimal charge, @Nullable LocalDate serviceDate) {

        public boolean has(String modifier) {
            return modifiers.contains(modifier);
        }

        /** 26 or TC select a component row of the fee schedule or benchmark; other modifiers do not. */
        public String pricingModifier() {
            return has("26") ? "26" : has("TC") ? "TC" : "";
        }
    }

    public LocalDate dateOf(Line line) {
        return line.serviceDate() != null ? line.serviceDate() : serviceDate;
    }

    public @Nullable String geozip() {
        return serviceZip == null || serviceZip.length() < 3 ? null : serviceZip.substring(0, 3);
    }
}
