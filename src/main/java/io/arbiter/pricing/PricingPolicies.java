package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.arbiter.practice.PlanType;
import io.arbiter.rules.RuleNode;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The numbers and citations behind the pricing policies, from rules/pricing-policies.yml (bound by PricingRuleFiles). */
public final class PricingPolicies {

    private final BigDecimal bilateralIndicator1Percent;
    private final BigDecimal bilateralIndicator3Percent;
    private final Citation bilateralCitation;
    private final List<BigDecimal> multipleProcedurePercents;
    private final Citation multipleProcedureCitation;
    private final Citation sameDateCitation;
    private final Citation feeScheduleRoundingCitation;
    private final Citation gpciCarryForwardCitation;
    private final Map<PlanType, Citation> medicareBasedPlanTypes = new EnumMap<>(PlanType.class);
    private final Citation lowerOfChargeCitation;
    private final Set<String> imagingCodes;
    private final Set<String> guidanceInclusiveCodes;
    private final Citation bundledImagingCitation;
    private final Set<String> facilityPlacesOfService;
    private final Citation siteOfServiceCitation;
    private final Citation posListCitation;
    private final Citation medicareFormulaCitation;
    private final Citation rvuFileCitation;
    private final Citation gpciCitation;
    private final Citation ucrCitation;
    private final Citation qpaCitation;
    private final BigDecimal minimumGap;
    private final BigDecimal minimumGapPercent;

    static PricingPolicies bind(RuleNode root) {
        return new PricingPolicies(root);
    }

    private PricingPolicies(RuleNode root) {
        RuleNode bil = root.get("bilateral");
        bilateralIndicator1Percent = bil.decimal("indicator1Percent");
        bilateralIndicator3Percent = bil.decimal("indicator3Percent");
        bilateralCitation = bil.citation("citation");
        RuleNode mp = root.get("multipleProcedure");
        multipleProcedurePercents = mp.decimals("percents");
        multipleProcedureCitation = mp.citation("citation");
        sameDateCitation = mp.citation("sameDateCitation");
        lowerOfChargeCitation = mp.citation("lowerOfChargeCitation");
        RuleNode img = root.get("bundledImaging");
        imagingCodes = Set.copyOf(img.strings("imagingCodes"));
        guidanceInclusiveCodes = Set.copyOf(img.strings("guidanceInclusiveCodes"));
        bundledImagingCitation = img.citation("citation");
        RuleNode sos = root.get("siteOfService");
        facilityPlacesOfService = Set.copyOf(sos.strings("facilityPlacesOfService"));
        siteOfServiceCitation = sos.citation("citation");
        posListCitation = sos.citation("posListCitation");
        RuleNode mc = root.get("medicare");
        medicareFormulaCitation = mc.citation("formulaCitation");
        rvuFileCitation = mc.citation("rvuFileCitation");
        gpciCitation = mc.citation("gpciCitation");
        feeScheduleRoundingCitation = mc.citation("roundingCitation");
        gpciCarryForwardCitation = mc.citation("gpciCarryForwardCitation");
        root.entries("medicareBasedPlanTypes").forEach((type, entry) -> {
            PlanType planType = entry.named(type, PlanType.class, "plan type");
            if (planType != null) {
                medicareBasedPlanTypes.put(planType, entry.citation("citation"));
            }
        });
        ucrCitation = root.get("ucr").citation("citation");
        qpaCitation = root.get("qpa").citation("citation");
        RuleNode up = root.get("underpayment");
        minimumGap = up.decimal("minimumGap");
        minimumGapPercent = up.decimal("minimumGapPercent");
    }

    public BigDecimal bilateralIndicator1Percent() { return bilateralIndicator1Percent; }
    public BigDecimal bilateralIndicator3Percent() { return bilateralIndicator3Percent; }
    public Citation qpaCitation() { return qpaCitation; }
    public Citation bilateralCitation() { return bilateralCitation; }
    public List<BigDecimal> multipleProcedurePercents() { return multipleProcedurePercents; }
    public Citation multipleProcedureCitation() { return multipleProcedureCitation; }
    public Citation sameDateCitation() { return sameDateCitation; }
    public Citation feeScheduleRoundingCitation() { return feeScheduleRoundingCitation; }
    public Citation gpciCarryForwardCitation() { return gpciCarryForwardCitation; }

    /** Whether a plan type is priced on the Medicare PFS (MEDICARE, and the public programs configured in medicareBasedPlanTypes). */
    public boolean pricedOnMedicarePfs(@Nullable PlanType type) {
        return type == PlanType.MEDICARE || (type != null && medicareBasedPlanTypes.containsKey(type));
    }

    /** Why a public program other than Medicare is priced on the PFS, or null. */
    public @Nullable Citation medicareBasisCitation(@Nullable PlanType type) {
        return type == null ? null : medicareBasedPlanTypes.get(type);
    }
    public Citation lowerOfChargeCitation() { return lowerOfChargeCitation; }
    public Set<String> imagingCodes() { return imagingCodes; }
    public Set<String> guidanceInclusiveCodes() { return guidanceInclusiveCodes; }
    public Citation bundledImagingCitation() { return bundledImagingCitation; }
    public Set<String> facilityPlacesOfService() { return facilityPlacesOfService; }
    public Citation siteOfServiceCitation() { return siteOfServiceCitation; }
    public Citation posListCitation() { return posListCitation; }
    public Citation medicareFormulaCitation() { return medicareFormulaCitation; }
    public Citation rvuFileCitation() { return rvuFileCitation; }
    public Citation gpciCitation() { return gpciCitation; }
    public Citation ucrCitation() { return ucrCitation; }
    public BigDecimal minimumGap() { return minimumGap; }
    public BigDecimal minimumGapPercent() { return minimumGapPercent; }
}
