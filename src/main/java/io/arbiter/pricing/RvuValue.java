package io.arbiter.pricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

/** One PPRRVU row: relative values and the payment-policy indicators of a code/modifier. */
@Serdeable
public record RvuValue(String hcpcs, String modifier, @Nullable String statusCode,
                       BigDecimal workRvu, BigDecimal nonFacPeRvu, boolean nonFacNa,
                       BigDecimal facPeRvu, boolean facNa, BigDecimal mpRvu,
                       @Nullable String pctcInd, @Nullable String globDays, @Nullable String multProc,
                       @Nullable String bilatSurg, @Nullable BigDecimal convFactor) {

    /** Add-on codes (global ZZZ) and MULT PROC 0 codes are exempt from the multiple-procedure reduction. */
    public boolean exemptFromMultipleProcedure() {
        return "ZZZ".equals(globDays) || !"2".equals(multProc);
    }

    public String bilateralIndicator() {
        return bilatSurg == null ? "9" : bilatSurg;
    }
}
