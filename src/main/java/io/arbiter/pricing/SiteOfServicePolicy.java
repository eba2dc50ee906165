package io.arbiter.pricing;

import jakarta.inject.Singleton;

/**
 * Facility vs non-facility practice expense by place of service: services in a facility (ASC 24,
 * hospital outpatient 19/22, ...) use the FACILITY PE RVU; office and others the NON-FAC PE RVU
 * (DWC fee guideline FAQ; CMS facility-setting POS list, flagged unverified in the rule data).
 */
@Singleton
public class SiteOfServicePolicy {

    private final PricingPolicies policies;

    public SiteOfServicePolicy(PricingPolicies policies) {
        this.policies = policies;
    }

    public boolean facility(String placeOfService) {
        return placeOfService != null && policies.facilityPlacesOfService().contains(placeOfService.length() == 1
                ? "0" + placeOfService : placeOfService);
    }
}
