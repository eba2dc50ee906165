package io.arbiter.denials;

import io.arbiter.common.Citation;
import io.arbiter.practice.PlanType;
import io.arbiter.claims.ClaimLine;
import io.arbiter.pricing.BundledImagingPolicy;
import io.arbiter.pricing.RuleData;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Corrected claim vs appeal vs nothing to do, and the recoverable estimate (pain-coding-and-denials.md §6.5, §8):
 * CO-4 and CO-97/CO-236 (+ M15) are corrected-claim work; N211 and Medicare CO-29 are not appealable;
 * recoverable = denied dollars × the cited recoverability rate for work that can recover money, else 0 (also 0 for
 * imaging guidance correctly bundled into a guidance-inclusive code, which pricing values at $0).
 */
@Singleton
public class DenialTriagePolicy {

    public record Triage(WorkType workType, boolean appealable) {
    }

    private final BundledImagingPolicy bundledImaging;
    private final Map<String, Object> rules = RuleData.load("/rules/denials-appeal-windows.yml");
    private final List<String> correctedCarcs = RuleData.strings(RuleData.map(rules, "correctedClaim"), "carcs");
    private final List<String> correctedRarcs = RuleData.strings(RuleData.map(rules, "correctedClaim"), "rarcs");
    private final List<String> notAppealableRarcs = RuleData.strings(RuleData.map(rules, "notAppealable"), "rarcs");
    private final List<String> medicareNotAppealable = RuleData.strings(RuleData.map(rules, "notAppealable"), "medicareCarcs");

    public DenialTriagePolicy(BundledImagingPolicy bundledImaging) {
        this.bundledImaging = bundledImaging;
    }

    /**
     * Imaging guidance billed with a code whose descriptor includes it (77003 with 64483 the same day) is priced at $0:
     * the payer's CO-97/M15 is right, so the line is a write-off with nothing to recover, not corrected-claim work.
     */
    public Optional<BundledImagingPolicy.Service> correctlyBundled(ClaimLine line, LocalDate dos, List<ClaimLine> claimLines,
                                                                   @Nullable LocalDate claimDos) {
        List<BundledImagingPolicy.Service> services = claimLines.stream().filter(l -> !l.id().equals(line.id()))
                .map(l -> new BundledImagingPolicy.Service(l.procedureCode(), l.serviceDate() != null ? l.serviceDate() : claimDos)).toList();
        return bundledImaging.bundledInto(new BundledImagingPolicy.Service(line.procedureCode(), dos), services);
    }

    public Citation bundledImagingCitation() {
        return bundledImaging.citation();
    }

    public Triage triage(String carc, Collection<String> rarcs, PlanType planType) {
        if (rarcs.stream().anyMatch(notAppealableRarcs::contains) || (planType == PlanType.MEDICARE && medicareNotAppealable.contains(carc))) {
            return new Triage(WorkType.NONE, false);
        }
        if (correctedCarcs.contains(carc) || rarcs.stream().anyMatch(correctedRarcs::contains)) {
            return new Triage(WorkType.CORRECTED_CLAIM, false);
        }
        return new Triage(WorkType.APPEAL, true);
    }

    /** Rounded half-up to the cent once per denial, so report totals are sums of stored cents. */
    public BigDecimal recoverable(WorkType work, BigDecimal denied, LocalDate on) {
        if (work == WorkType.NONE) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal rate = DenialRules.inForce(rules.get("recoverability"), on).map(m -> DenialRules.decimal(m, "rate")).orElse(BigDecimal.ZERO);
        return denied.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    public Citation recoverabilityCitation(LocalDate on) {
        return DenialRules.inForce(rules.get("recoverability"), on).map(DenialRules::citation).orElse(null);
    }

    public Citation correctedClaimCitation() {
        return RuleData.citation(RuleData.map(rules, "correctedClaim"), "citation");
    }
}
