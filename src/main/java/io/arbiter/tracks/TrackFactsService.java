package io.arbiter.tracks;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimRepository;
import io.arbiter.claims.RemarkCode;
import io.arbiter.claims.CurrentRemittanceDetail;
import io.arbiter.common.ApiException;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanRepository;
import io.arbiter.practice.Provider;
import io.arbiter.practice.ProviderRepository;
import jakarta.inject.Singleton;

import java.util.Set;
import java.util.TreeSet;

/** Assembles {@link TrackFacts} for a stored claim (plan, rendering provider, remark codes). */
@Singleton
public class TrackFactsService {

    private final ClaimRepository claims;
    private final PlanRepository plans;
    private final ProviderRepository providers;
    private final CurrentRemittanceDetail detail;

    public TrackFactsService(ClaimRepository claims, PlanRepository plans, ProviderRepository providers,
                             CurrentRemittanceDetail detail) {
        this.claims = claims;
        this.plans = plans;
        this.providers = providers;
        this.detail = detail;
    }

    public Claim claim(Long claimId) {
        return claims.findById(claimId).orElseThrow(() -> ApiException.notFound("Claim " + claimId));
    }

    public TrackFacts factsFor(Long claimId) {
        return factsFor(claim(claimId));
    }

    public TrackFacts factsFor(Claim c) {
        Plan plan = c.planId() == null ? null : plans.findById(c.planId()).orElse(null);
        Provider provider = c.renderingNpi() == null ? null : providers.findByRenderingNpi(c.renderingNpi()).orElse(null);
        Set<String> codes = new TreeSet<>();
        for (RemarkCode r : detail.of(c.id()).remarkCodes()) {
            codes.add(r.code().trim().toUpperCase());
        }
        return new TrackFacts(plan == null ? null : plan.planType(), plan == null ? null : plan.regulatorState(),
                plan == null ? null : plan.networkStatus(), c.serviceState(), c.placeOfService(),
                network(c.facilityNetworkStatus()), provider == null ? null : provider.providerType(),
                c.noticeConsentOnFile(), c.emergency(), c.serviceDateFrom(), codes, "4".equals(c.claimStatusCode()));
    }

    static NetworkStatus network(String s) {
        if (s == null) {
            return NetworkStatus.UNKNOWN;
        }
        try {
            return NetworkStatus.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return NetworkStatus.UNKNOWN;
        }
    }
}
