package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;

/** One row of the CMS Federal IDR public use file's offer-amount sheet (federal-idr.md §7.4). */
@MappedEntity("idr_puf_row")
public record IdrPufRow(
        @Id @GeneratedValue @Nullable Long id,
        String sourceFile,
        String serviceCode,
        @Nullable String region,
        @Nullable String placeOfService,
        @Nullable String initiatingParty,
        @Nullable String defaultDecision,
        @Nullable String offerSelected,
        @Nullable BigDecimal qpa,
        @Nullable BigDecimal providerOffer,
        @Nullable BigDecimal payerOffer,
        @Nullable BigDecimal prevailingOffer) {
}
