package io.arbiter.pricing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/** All lines of a claim priced on one basis; {@code total} sums the priced lines (already rounded per line). */
@Serdeable
public record ClaimPricing(@Nullable Long claimId, String basis, List<PricedLine> lines, BigDecimal total, boolean complete) {
}
