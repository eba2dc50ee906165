package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.deadlines.Engines;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.ProviderType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per track and per conflicting-signal warning (federal-idr.md §1; texas-and-workers-comp.md §0). */
class TrackSelectorTest {

    private final TrackSelector selector = new TrackSelector(Engines.RULES);
    private static final LocalDate DOS = LocalDate.of(2026, 9, 14);

    /** Self-funded ERISA plan, OON interventionalist at an in-network ASC (POS 24) in Texas. */
    static TrackFacts erisaAtAsc(Set<String> rarcs) {
        return new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, DOS, rarcs, false);
    }

    static TrackFacts tdiPlan(String pos, NetworkStatus facility, boolean emergency, Set<String> rarcs) {
        return new TrackFacts(PlanType.FULLY_INSURED_STATE, "TX", NetworkStatus.OUT_OF_NETWORK, "TX", pos, facility,
                ProviderType.INTERVENTIONAL, false, emergency, DOS, rarcs, false);
    }

    @Test
    void federalIdrForSelfFundedErisaAtParticipatingAsc() {
        TrackDecision d = selector.select(erisaAtAsc(Set.of("N865", "N877")));
        assertEquals(Track.FEDERAL_IDR, d.track());
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
        assertTrue(d.reasons().stream().anyMatch(r -> r.text().contains("participating facility")));
        assertTrue(d.reasons().stream().allMatch(r -> r.citation().url().startsWith("http")));
        assertEquals(d.reasons().stream().map(r -> r.citation().url()).distinct().toList(), d.citations());
    }

    @Test
    void texasArbitrationForTdiPlanAtInNetworkFacility() {
        TrackDecision d = selector.select(tdiPlan("24", NetworkStatus.IN_NETWORK, false, Set.of("N871")));
        assertEquals(Track.TEXAS_ARBITRATION, d.track());
        assertTrue(d.warnings().isEmpty(), d.warnings().toString());
        assertTrue(d.citations().contains("https://statutes.capitol.texas.gov/Docs/IN/htm/IN.1467.htm"), d.citations().toString());
    }

    @Test
    void texasPipForAutoClaimInTexas() {
        TrackFacts f = new TrackFacts(PlanType.AUTO_PIP, "TX", NetworkStatus.UNKNOWN, "TX", "11", NetworkStatus.UNKNOWN,
                ProviderType.INTERVENTIONAL, false, false, DOS, Set.of(), false);
        assertEquals(Track.TEXAS_PIP, selector.select(f).track());
    }

    @Test
    void workersCompForWcCarrier() {
        TrackFacts f = new TrackFacts(PlanType.WORKERS_COMP, "TX", NetworkStatus.UNKNOWN, "TX", "11", NetworkStatus.UNKNOWN,
                ProviderType.INTERVENTIONAL, false, false, DOS, Set.of(), false);
        assertEquals(Track.WORKERS_COMP, selector.select(f).track());
    }

    @Test
    void commercialAppealForOfficeBasedElectiveProcedure() {
        TrackFacts f = new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK, "TX", "11",
                NetworkStatus.UNKNOWN, ProviderType.INTERVENTIONAL, false, false, DOS, Set.of(), true);
        TrackDecision d = selector.select(f);
        assertEquals(Track.COMMERCIAL_APPEAL, d.track());
        assertTrue(d.reasons().get(d.reasons().size() - 1).text().contains("place of service 11"));
    }

    @Test
    void notDisputableForMedicareMedicaidAndTricare() {
        for (PlanType p : new PlanType[]{PlanType.MEDICARE, PlanType.MEDICAID, PlanType.TRICARE, PlanType.MEDICARE_ADVANTAGE}) {
            TrackFacts f = new TrackFacts(p, null, NetworkStatus.OUT_OF_NETWORK, "TX", "24", NetworkStatus.IN_NETWORK,
                    ProviderType.INTERVENTIONAL, false, false, DOS, Set.of(), true);
            TrackDecision d = selector.select(f);
            assertEquals(Track.NOT_DISPUTABLE, d.track(), p.name());
            assertTrue(d.reasons().get(0).text().contains("appeal"), "route denials to appeal");
        }
    }

    @Test
    void notDisputableForAllPayerModelRemark() {
        assertEquals(Track.NOT_DISPUTABLE, selector.select(erisaAtAsc(Set.of("N863"))).track());
    }

    @Test
    void warningWhenTdiPlanCarriesFederalNsaCodes() {
        TrackDecision d = selector.select(tdiPlan("24", NetworkStatus.IN_NETWORK, false, Set.of("N865", "N877")));
        assertEquals(Track.TEXAS_ARBITRATION, d.track(), "the plan's regulator decides the law");
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("TX-regulated") && w.contains("N865")), d.warnings().toString());
    }

    @Test
    void warningWhenSelfFundedPlanCarriesStateLawCodes() {
        TrackDecision d = selector.select(erisaAtAsc(Set.of("N883")));
        assertEquals(Track.FEDERAL_IDR, d.track());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("state-law remark codes [N883]")), d.warnings().toString());
    }

    @Test
    void payerDisputingNsaApplicabilityRoutesToAppealWithWarning() {
        TrackDecision d = selector.select(erisaAtAsc(Set.of("N885")));
        assertEquals(Track.COMMERCIAL_APPEAL, d.track());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("N885")));
    }

    @Test
    void ancillaryConsentIsIgnoredWithWarningButInterventionalConsentWaives() {
        TrackFacts anesthesia = new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.ANESTHESIA, true, false, DOS, Set.of("N865"), false);
        TrackDecision a = selector.select(anesthesia);
        assertEquals(Track.FEDERAL_IDR, a.track());
        assertTrue(a.warnings().stream().anyMatch(w -> w.contains("ancillary")));
        TrackFacts interventional = new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, true, false, DOS, Set.of(), false);
        assertEquals(Track.COMMERCIAL_APPEAL, selector.select(interventional).track());
    }

    @Test
    void warningWhenMedicareClaimCarriesNsaCodesAndWhenPlanTypeUnknown() {
        TrackFacts medicare = new TrackFacts(PlanType.MEDICARE, null, NetworkStatus.OUT_OF_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, DOS, Set.of("N877"), false);
        assertFalse(selector.select(medicare).warnings().isEmpty());
        TrackFacts unknown = new TrackFacts(null, null, null, "TX", "24", NetworkStatus.IN_NETWORK,
                ProviderType.INTERVENTIONAL, false, false, DOS, Set.of("N865"), false);
        TrackDecision d = selector.select(unknown);
        assertEquals(Track.FEDERAL_IDR, d.track());
        assertTrue(d.reasons().get(0).text().contains("plan type is unknown") && d.reasons().get(0).text().contains("N865"),
                d.reasons().toString());
        assertTrue(d.warnings().stream().anyMatch(w -> w.contains("network status is unknown")));
    }

    @Test
    void inNetworkPlanWithNsaCodesWarnsAndGoesToAppeal() {
        TrackFacts f = new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.IN_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, DOS, Set.of("N877"), false);
        TrackDecision d = selector.select(f);
        assertEquals(Track.COMMERCIAL_APPEAL, d.track());
        assertTrue(d.warnings().get(0).contains("in network"));
    }

    @Test
    void electiveCareAtOutOfNetworkFacilityUnderTexasLawIsNotArbitrable() {
        assertEquals(Track.COMMERCIAL_APPEAL, selector.select(tdiPlan("24", NetworkStatus.OUT_OF_NETWORK, false, Set.of())).track());
        assertEquals(Track.TEXAS_ARBITRATION, selector.select(tdiPlan("23", NetworkStatus.OUT_OF_NETWORK, true, Set.of())).track());
    }
}
