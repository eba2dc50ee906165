package io.arbiter.deadlines;

import io.arbiter.common.ApiException;
import io.arbiter.common.Citation;
import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleSet;
import io.arbiter.rules.RuleTerms;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Federal IDR fee estimate by initiation date and dispute type from rules/fees.yml (federal-idr.md §3).
 * Batched disputes above the base line count pay an increment per started block of lines
 * (CMS-9890-F: $75–$250 per additional block of 25 line items from the 26th line).
 */
@Singleton
public class FeeCalculator {

    private final RuleSet rules;

    public FeeCalculator(RuleSet rules) {
        this.rules = rules;
    }

    /**
     * @param initiationDate   the dispute's initiation date (chooses the fee version)
     * @param type             SINGLE, BUNDLED or BATCHED
     * @param lineCount        line items in the dispute (1 for single)
     * @param openNegotiationStart optional; chooses the batch line cap (ONP on or after 2026-11-01 → 50, UNVERIFIED)
     */
    public FeeEstimate estimate(LocalDate initiationDate, DisputeType type, int lineCount, @Nullable LocalDate openNegotiationStart) {
        if (lineCount < 1) {
            throw ApiException.badRequest("lineCount must be at least 1");
        }
        RuleEntry admin = rules.find("FEDERAL_IDR.ADMIN_FEE", initiationDate).orElseThrow(() ->
                ApiException.unprocessable("No federal IDR fee rule for disputes initiated on " + initiationDate
                        + " (the portal opened 2022-04-15)", List.of(new io.arbiter.common.ApiProblem.ProblemDetail(
                        "initiationDate", "before the first fee version"))));
        boolean batched = type == DisputeType.BATCHED;
        RuleEntry idre = rules.require(batched ? "FEDERAL_IDR.IDRE_FEE_BATCHED" : "FEDERAL_IDR.IDRE_FEE_SINGLE", initiationDate);
        RuleTerms.Fee idreFee = idre.fee();
        BigDecimal min = idreFee.requireMin();
        BigDecimal max = idreFee.requireMax();
        int blocks = 0;
        List<String> warnings = new ArrayList<>();
        RuleTerms.BatchIncrement increment = idreFee.increment();
        if (batched && increment != null) {
            blocks = increment.blocks(lineCount);
            min = min.add(increment.min().multiply(BigDecimal.valueOf(blocks)));
            max = max.add(increment.max().multiply(BigDecimal.valueOf(blocks)));
        }
        if (!batched && lineCount > 1 && type == DisputeType.SINGLE) {
            warnings.add("A single dispute normally has one line item; use BATCHED or BUNDLED for " + lineCount + " lines");
        }
        Integer cap = null;
        List<String> versions = new ArrayList<>(List.of("ADMIN_FEE " + admin.versionLabel(), idre.key().substring(12) + " " + idre.versionLabel()));
        List<Citation> citations = new ArrayList<>(List.of(admin.citation(), idre.citation()));
        boolean unverified = admin.unverified() || idre.unverified();
        if (batched) {
            LocalDate capDate = openNegotiationStart == null ? initiationDate : openNegotiationStart;
            RuleEntry capRule = rules.find("FEDERAL_IDR.BATCH_LINE_CAP", capDate).orElse(null);
            if (capRule != null) {
                cap = capRule.value().number();
                versions.add("BATCH_LINE_CAP " + capRule.versionLabel());
                citations.add(capRule.citation());
                unverified |= capRule.unverified();
                if (cap != null && lineCount > cap) {
                    warnings.add(lineCount + " line items exceed the batch cap of " + cap + " (UNVERIFIED applicability; "
                            + capRule.citationText() + ")");
                }
            }
        }
        BigDecimal adminFee = admin.fee().requireAmount();
        return new FeeEstimate(initiationDate, type, lineCount, adminFee, min, max, blocks, adminFee.add(min), adminFee.add(max), cap, versions, citations, unverified, warnings);
    }
}
