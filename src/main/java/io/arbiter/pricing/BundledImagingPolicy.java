package io.arbiter.pricing;

import io.arbiter.common.Citation;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * 77003/77012/76000 billed on the same date as a code whose descriptor includes imaging guidance
 * (62321/62323, 64479-64484, 64490-64495, 64633-64636, 27096, ...) are bundled: priced at 0 and
 * flagged (pain-coding-and-denials.md §1.6; CMS A58993).
 */
@Singleton
public class BundledImagingPolicy {

    public static final String FLAG = "BUNDLED_IMAGING";
    private final PricingPolicies policies;

    public BundledImagingPolicy(PricingPolicies policies) {
        this.policies = policies;
    }

    /** @return the guidance-inclusive line that bundles {@code line}, if any. */
    public PricingInput.Line bundledInto(PricingInput claim, PricingInput.Line line) {
        if (!policies.imagingCodes().contains(line.code())) {
            return null;
        }
        List<PricingInput.Line> lines = claim.lines();
        for (PricingInput.Line other : lines) {
            if (other != line && policies.guidanceInclusiveCodes().contains(other.code())
                    && claim.dateOf(other).equals(claim.dateOf(line))) {
                return other;
            }
        }
        return null;
    }

    /** A billed service: code and date of service (for callers that hold claim lines rather than a PricingInput). */
    public record Service(String code, LocalDate date) {
    }

    /** The guidance-inclusive service of the same claim and date that bundles {@code line}, if any. */
    public Optional<Service> bundledInto(Service line, Collection<Service> claimServices) {
        if (line.date() == null || !policies.imagingCodes().contains(line.code())) {
            return Optional.empty();
        }
        return claimServices.stream().filter(o -> policies.guidanceInclusiveCodes().contains(o.code()) && line.date().equals(o.date()))
                .findFirst();
    }

    public Citation citation() {
        return policies.bundledImagingCitation();
    }

    void apply(PricingInput claim, List<LineWork> works) {
        for (LineWork w : works) {
            PricingInput.Line primary = bundledInto(claim, w.line);
            if (primary != null) {
                w.bundled = true;
                w.flags.add(FLAG);
                w.steps.add(w.line.code() + " is bundled into " + primary.code() + " (line " + primary.lineNumber()
                        + "), whose descriptor includes imaging guidance: priced at $0.00");
                w.citations.add(policies.bundledImagingCitation());
            }
        }
    }
}
