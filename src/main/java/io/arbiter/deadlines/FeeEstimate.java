package io.arbiter.deadlines;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Federal IDR fees for one dispute, per party: the non-refundable administrative fee and the range of
 * certified IDR entity fees (each IDRE publishes a fixed fee inside it; the prevailing party's is refunded).
 * {@code totalMin/totalMax} = administrative fee + IDRE fee range (what one party prepays).
 */
@Serdeable
public record FeeEstimate(LocalDate initiationDate, DisputeType disputeType, int lineCount,
                          BigDecimal administrativeFee, BigDecimal idreFeeMin, BigDecimal idreFeeMax,
                          int incrementBlocks, BigDecimal totalMin, BigDecimal totalMax,
                          @Nullable Integer batchLineCap, List<String> ruleVersions, List<Citation> citations,
                          boolean unverified, List<String> warnings) {
}
