package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.arbiter.practice.PlanType;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The numbers and citations behind the pricing policies, from rules/pricing-policies.yml. */
@Singleton
public class PricingPolicies {

    public static final String RESOURCE = "/rules/pricing-policies.yml";

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

    public PricingPolicies() {
        Map<String, Object> root = RuleData.load(RESOURCE);
        Map<String, Object> bil = RuleData.map(root, "bilateral");
        bilateralIndicator1Percent = RuleData.decimal(bil, "indicator1Percent");
        bilateralIndicator3Percent = RuleData.decimal(bil, "indicator3Percent");
        bilateralCitation = RuleData.citation(bil, "citation");
        Map<String, Object> mp = RuleData.map(root, "multipleProcedure");
        multipleProcedurePercents = RuleData.strings(mp, "percents").stream().map(BigDecimal::new).toList();
        multipleProcedureCitation = RuleData.citation(mp, "citation");
        sameDateCitation = RuleData.citation(mp, "sameDateCitation");
        lowerOfChargeCitation = RuleData.citation(mp, "lowerOfChargeCitation");
        Map<String, Object> img = RuleData.map(root, "bundledImaging");
        imagingCodes = Set.copyOf(RuleData.strings(img, "imagingCodes"));
        guidanceInclusiveCodes = Set.copyOf(RuleData.strings(img, "guidanceInclusiveCodes"));
        bundledImagingCitation = RuleData.citation(img, "citation");
        Map<String, Object> sos = RuleData.map(root, "siteOfService");
        facilityPlacesOfService = Set.copyOf(RuleData.strings(sos, "facilityPlacesOfService"));
        siteOfServiceCitation = RuleData.citation(sos, "citation");
        posListCitation = RuleData.citation(sos, "posListCitation");
        Map<String, Object> mc = RuleData.map(root, "medicare");
        medicareFormulaCitation = RuleData.citation(mc, "formulaCitation");
        rvuFileCitation = RuleData.citation(mc, "rvuFileCitation");
        gpciCitation = RuleData.citation(mc, "gpciCitation");
        feeScheduleRoundingCitation = RuleData.citation(mc, "roundingCitation");
        gpciCarryForwardCitation = RuleData.citation(mc, "gpciCarryForwardCitation");
        Map<String, Object> medicareBased = RuleData.map(root, "medicareBasedPlanTypes");
        for (String type : medicareBased.keySet()) {
            medicareBasedPlanTypes.put(PlanType.valueOf(type), RuleData.citation(RuleData.map(medicareBased, type), "citation"));
        }
        ucrCitation = RuleData.citation(RuleData.map(root, "ucr"), "citation");
        qpaCitation = RuleData.citation(RuleData.map(root, "qpa"), "citation");
        Map<String, Object> up = RuleData.map(root, "underpayment");
        minimumGap = RuleData.decimal(up, "minimumGap");
        minimumGapPercent = RuleData.decimal(up, "minimumGapPercent");
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
