package io.arbiter.denials;

import io.arbiter.claims.ClaimLine;
import io.arbiter.common.Citation;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.BundledImagingPolicy;
import io.arbiter.rules.RuleBook;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
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
    private final AppealWindowRules rules;

    public DenialTriagePolicy(BundledImagingPolicy bundledImaging, RuleBook book) {
        this.bundledImaging = bundledImaging;
        this.rules = book.get(AppealWindowRules.class);
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
        AppealWindowRules.NotAppealable none = rules.notAppealable();
        if (rarcs.stream().anyMatch(none.rarcs()::contains) || (planType == PlanType.MEDICARE && none.medicareCarcs().contains(carc))) {
            return new Triage(WorkType.NONE, false);
        }
        AppealWindowRules.CodeRule corrected = rules.correctedClaim();
        if (corrected.carcs().contains(carc) || rarcs.stream().anyMatch(corrected.rarcs()::contains)) {
            return new Triage(WorkType.CORRECTED_CLAIM, false);
        }
        return new Triage(WorkType.APPEAL, true);
    }

    /** Rounded half-up to the cent once per denial, so report totals are sums of stored cents. */
    public BigDecimal recoverable(WorkType work, BigDecimal denied, LocalDate on) {
        if (work == WorkType.NONE) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal rate = rules.recoverability(on).map(AppealWindowRules.Recoverability::rate).orElse(BigDecimal.ZERO);
        return denied.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    public Citation recoverabilityCitation(LocalDate on) {
        return rules.recoverability(on).map(AppealWindowRules.Recoverability::citation).orElse(null);
    }

    public Citation correctedClaimCitation() {
        return rules.correctedClaim().citation();
    }
}
