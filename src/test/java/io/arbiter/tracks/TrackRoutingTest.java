package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.deadlines.Engines;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.ProviderType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 items 3, 5, 6 and "a track decision never rests on an empty reason": remark-code lists of
 * pain-coding-and-denials.md §6.4 (NSA-01 / NSA-02), N830 as federal OR state, payers outside the NSA by claim filing
 * indicator (federal-idr.md §1.4), coverage denials to appeal, and NEEDS_FACTS where a fact nobody gave decides.
 */
class TrackRoutingTest {

    private final TrackSelector selector = new TrackSelector(Engines.RULES);
    private static final LocalDate DOS = LocalDate.of(2026, 9, 14);

    /** A claim whose plan type nobody knows (commercial filing indicator), OON at an in-network ASC. */
    static TrackFacts unknownPlan(String state, Set<String> rarcs, String indicator, Set<String> carcs, boolean denied) {
        return new TrackFacts(PlanType.OTHER, null, NetworkStatus.OUT_OF_NETWORK, state, "24", NetworkStatus.IN_NETWORK,
                ProviderType.INTERVENTIONAL, false, false, DOS, rarcs, denied, indicator, carcs, Set.of());
    }

    static TrackFacts plan(PlanType type, String regulator, String pos, NetworkStatus facility, boolean emergency,
                           boolean consent, ProviderType provider, Set<String> rarcs) {
        return new TrackFacts(type, regulator, NetworkStatus.OUT_OF_NETWORK, "TX", pos, facility, provider, consent, emergency,
                DOS, rarcs, false, "CI", Set.of(), Set.of());
    }

    private static String text(TrackDecision d) {
        return d.reasons().stream().map(TrackDecision.Reason::text).reduce("", (a, b) -> a + " | " + b);
    }

    // --- item 3: N830 is federal OR state; state-law codes win; lists complete against §6.4 ---

    @Test
    void stateLawRemarkCodeWithN830IsNotFederal() {
        // the example: N883 + N830 on a TX claim went to FEDERAL_IDR ("processed under the federal No Surprises Act")
        TrackDecision d = selector.select(unknownPlan("TX", Set.of("N883", "N830"), "CI", Set.of(), false));
        assertEquals(Track.TEXAS_ARBITRATION, d.track(), text(d));
        assertEquals(TrackDecision.Status.DECIDED, d.status());
        assertTrue(text(d).contains("N883") && text(d).contains("N830"), text(d));
    }

    @Test
    void everyStateLawCodeWinsOverN830AndNamesItself() {
        for (String code : List.of("N858", "N867", "N871", "N872", "N883")) {
            TrackDecision d = selector.select(unknownPlan("TX", Set.of(code, "N830"), "CI", Set.of(), false));
            assertEquals(Track.TEXAS_ARBITRATION, d.track(), code + ": " + text(d));
            assertTrue(text(d).contains(code), code + ": " + text(d));
            assertFalse(text(d).contains("federal No Surprises Act"), code + ": " + text(d));
        }
    }

    @Test
    void everyFederalCodeOfNsa01DecidesFederal() {
        for (String code : List.of("N859", "N860", "N862", "N864", "N865", "N866", "N869", "N870", "N876", "N877")) {
            TrackDecision d = selector.select(unknownPlan("TX", Set.of(code), "CI", Set.of(), false));
            assertEquals(Track.FEDERAL_IDR, d.track(), code + ": " + text(d));
            assertEquals(TrackDecision.Status.DECIDED, d.status(), code);
            assertTrue(text(d).contains(code), code + ": " + text(d));
        }
    }

    @Test
    void everyAllPayerModelCodeIsNotDisputable() {
        for (String code : List.of("N863", "N868", "N873")) {
            TrackDecision d = selector.select(unknownPlan("TX", Set.of(code, "N830"), "CI", Set.of(), false));
            assertEquals(Track.NOT_DISPUTABLE, d.track(), code);
            assertTrue(text(d).contains(code), text(d));
        }
    }

    @Test
    void n830AloneIsNotReadAsFederal() {
        // Texas has a specified state law: the plan type decides, and nobody gave it
        TrackDecision tx = selector.select(unknownPlan("TX", Set.of("N830"), "CI", Set.of(), false));
        assertEquals(TrackDecision.Status.NEEDS_FACTS, tx.status(), text(tx));
        assertEquals(List.of(ClaimFact.PLAN_TYPE), tx.missingFacts().stream().map(TrackDecision.MissingFact::fact).toList());
        assertTrue(tx.missingFacts().get(0).question().startsWith("plan type unknown: tell us whether the plan is self-funded"));
        assertTrue(text(tx).contains("N830") && text(tx).contains("federal or state"), text(tx));
        // no specified state law in the data for Oklahoma: federal either way, decided
        TrackDecision ok = selector.select(unknownPlan("OK", Set.of("N830"), "CI", Set.of(), false));
        assertEquals(Track.FEDERAL_IDR, ok.track());
        assertEquals(TrackDecision.Status.DECIDED, ok.status());
        // no service state either: both asked for
        TrackDecision none = selector.select(unknownPlan(null, Set.of("N830"), "CI", Set.of(), false));
        assertEquals(List.of(ClaimFact.PLAN_TYPE, ClaimFact.SERVICE_STATE),
                none.missingFacts().stream().map(TrackDecision.MissingFact::fact).toList());
        // a known plan type decides without asking
        TrackDecision erisa = selector.select(plan(PlanType.SELF_FUNDED_ERISA, null, "24", NetworkStatus.IN_NETWORK, false, false,
                ProviderType.INTERVENTIONAL, Set.of("N830")));
        assertEquals(Track.FEDERAL_IDR, erisa.track());
        assertEquals(TrackDecision.Status.DECIDED, erisa.status());
    }

    @Test
    void federalAndStateCodesTogetherAskForThePlanType() {
        TrackDecision d = selector.select(unknownPlan("TX", Set.of("N865", "N871"), "CI", Set.of(), false));
        assertEquals(TrackDecision.Status.NEEDS_FACTS, d.status());
        assertEquals(ClaimFact.PLAN_TYPE, d.missingFacts().get(0).fact());
        assertEquals(Track.FEDERAL_IDR, d.track(), "provisional: the earliest clock (30 business days) until answered");
    }

    // --- item 5: VA, OF, LM are outside the NSA ---

    @Test
    void veteransAffairsClaimIsNotFederalIdrAndTheReasonNamesTheCode() {
        // the example: CLP06 VA defaulted to FEDERAL_IDR with "The remittance () shows ..."
        TrackDecision d = selector.select(unknownPlan("TX", Set.of(), "VA", Set.of(), false));
        assertEquals(Track.NOT_DISPUTABLE, d.track());
        assertTrue(d.reasons().get(0).text().contains("VA (Veterans Affairs plan)"), text(d));
        assertFalse(text(d).contains("()"), text(d));
    }

    @Test
    void everyNonNsaFilingIndicatorIsNotDisputableWhateverTheRemarkCodes() {
        for (String code : List.of("VA", "OF", "LM")) {
            for (Set<String> rarcs : List.of(Set.<String>of(), Set.of("N865", "N877"), Set.of("N830"))) {
                TrackDecision d = selector.select(unknownPlan("TX", rarcs, code, Set.of(), false));
                assertEquals(Track.NOT_DISPUTABLE, d.track(), code + rarcs);
                assertTrue(d.reasons().get(0).text().contains("filing indicator is " + code), text(d));
                assertEquals(!rarcs.isEmpty(), d.warnings().stream().anyMatch(w -> w.contains("filed as " + code)), code + rarcs);
            }
        }
        // a commercial indicator is not caught by the rule
        assertEquals(Track.FEDERAL_IDR, selector.select(unknownPlan("TX", Set.of("N865"), "CI", Set.of(), false)).track());
    }

    // --- item 6: coverage denials go to the plan's appeal and external review ---

    @Test
    void medicalNecessityDenialIsAppealedNotIdr() {
        // the example: CO-50 with N115 on a denied claim went to FEDERAL_IDR
        TrackFacts f = new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, DOS, Set.of("N115", "N865"), true, "CI",
                Set.of("50"), Set.of());
        TrackDecision d = selector.select(f);
        assertEquals(Track.COMMERCIAL_APPEAL, d.track());
        assertTrue(text(d).contains("CARC 50") && text(d).contains("N115") && text(d).contains("external review"), text(d));
    }

    @Test
    void everyCoverageCodeOnADeniedClaimGoesToAppealForEveryPlan() {
        for (PlanType type : List.of(PlanType.SELF_FUNDED_ERISA, PlanType.FULLY_INSURED_STATE, PlanType.FEHB, PlanType.OTHER)) {
            for (String carc : List.of("50", "55", "56", "96", "167", "204")) {
                TrackFacts f = new TrackFacts(type, "TX", NetworkStatus.OUT_OF_NETWORK, "TX", "23", NetworkStatus.IN_NETWORK,
                        ProviderType.INTERVENTIONAL, false, true, DOS, Set.of("N877"), true, "CI", Set.of(carc), Set.of());
                TrackDecision d = selector.select(f);
                assertEquals(Track.COMMERCIAL_APPEAL, d.track(), type + " CARC " + carc);
                assertTrue(text(d).contains("CARC " + carc), text(d));
            }
            TrackFacts lcdOnly = new TrackFacts(type, "TX", NetworkStatus.OUT_OF_NETWORK, "TX", "24", NetworkStatus.IN_NETWORK,
                    ProviderType.INTERVENTIONAL, false, false, DOS, Set.of("N115"), true, "CI", Set.of(), Set.of());
            assertEquals(Track.COMMERCIAL_APPEAL, selector.select(lcdOnly).track(), type + " N115");
        }
        // a rate adjustment (CO-45) on a denied claim is no coverage denial
        TrackFacts rate = new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, DOS, Set.of("N876"), true, "CI",
                Set.of("45"), Set.of());
        assertEquals(Track.FEDERAL_IDR, selector.select(rate).track());
        // a paid claim with one line denied for necessity keeps its rate track and warns about that line
        TrackFacts partly = new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, DOS, Set.of("N865"), false, "CI",
                Set.of("45", "50"), Set.of());
        TrackDecision p = selector.select(partly);
        assertEquals(Track.FEDERAL_IDR, p.track());
        assertTrue(p.warnings().stream().anyMatch(w -> w.contains("CARC 50")), p.warnings().toString());
    }

    // --- never an empty reason; unknown facts are asked for, the same way on both branches ---

    @Test
    void unknownFacilityNetworkStatusIsAskedForOnTheFederalAndTheTexasBranchAlike() {
        TrackDecision federal = selector.select(plan(PlanType.SELF_FUNDED_ERISA, null, "24", NetworkStatus.UNKNOWN, false, false,
                ProviderType.INTERVENTIONAL, Set.of()));
        TrackDecision texas = selector.select(plan(PlanType.FULLY_INSURED_STATE, "TX", "24", NetworkStatus.UNKNOWN, false, false,
                ProviderType.INTERVENTIONAL, Set.of()));
        for (TrackDecision d : List.of(federal, texas)) {
            assertEquals(TrackDecision.Status.NEEDS_FACTS, d.status(), text(d));
            assertEquals(List.of(ClaimFact.FACILITY_NETWORK_STATUS), d.missingFacts().stream().map(TrackDecision.MissingFact::fact).toList());
            assertTrue(text(d).contains("Provisional"), text(d));
        }
        assertEquals(Track.FEDERAL_IDR, federal.track());
        assertEquals(Track.TEXAS_ARBITRATION, texas.track());
        // known either way: decided on both branches
        assertEquals(Track.COMMERCIAL_APPEAL, selector.select(plan(PlanType.FULLY_INSURED_STATE, "TX", "24", NetworkStatus.OUT_OF_NETWORK,
                false, false, ProviderType.INTERVENTIONAL, Set.of())).track());
        assertEquals(Track.COMMERCIAL_APPEAL, selector.select(plan(PlanType.SELF_FUNDED_ERISA, null, "24", NetworkStatus.OUT_OF_NETWORK,
                false, false, ProviderType.INTERVENTIONAL, Set.of())).track());
    }

    @Test
    void unknownEmergencyIsAskedFor() {
        TrackFacts f = new TrackFacts(PlanType.SELF_FUNDED_ERISA, null, NetworkStatus.OUT_OF_NETWORK, "TX", null,
                NetworkStatus.UNKNOWN, ProviderType.INTERVENTIONAL, false, false, DOS, Set.of(), false, "CI", Set.of(),
                Set.of(ClaimFact.EMERGENCY));
        TrackDecision d = selector.select(f);
        assertEquals(TrackDecision.Status.NEEDS_FACTS, d.status());
        assertEquals(ClaimFact.EMERGENCY, d.missingFacts().get(0).fact());
    }

    @Test
    void fullyInsuredPlanWithoutRegulatorStateInTexasIsAskedFor() {
        TrackDecision d = selector.select(plan(PlanType.FULLY_INSURED_STATE, null, "24", NetworkStatus.IN_NETWORK, false, false,
                ProviderType.INTERVENTIONAL, Set.of()));
        assertEquals(TrackDecision.Status.NEEDS_FACTS, d.status());
        assertEquals(ClaimFact.PLAN_REGULATOR_STATE, d.missingFacts().get(0).fact());
    }

    @Test
    void everyDecisionNamesItsFactsAndNoReasonIsEmpty() {
        int decisions = 0;
        for (PlanType type : PlanType.values()) {
            for (String pos : new String[]{"11", "22", "23", "24", null}) {
                for (NetworkStatus facility : NetworkStatus.values()) {
                    for (Set<String> rarcs : List.of(Set.<String>of(), Set.of("N830"), Set.of("N883", "N830"), Set.of("N865"),
                            Set.of("N885"), Set.of("N863"))) {
                        for (String indicator : new String[]{null, "CI", "VA"}) {
                            TrackFacts f = new TrackFacts(type, "TX", NetworkStatus.OUT_OF_NETWORK, "TX", pos, facility,
                                    ProviderType.INTERVENTIONAL, false, false, DOS, rarcs, false, indicator, Set.of(),
                                    pos == null ? Set.of(ClaimFact.EMERGENCY) : Set.of());
                            TrackDecision d = selector.select(f);
                            decisions++;
                            assertFalse(d.reasons().isEmpty());
                            for (TrackDecision.Reason r : d.reasons()) {
                                assertFalse(r.text().contains("()") || r.text().contains("(null") || r.text().contains("null)"),
                                        f + " -> " + r.text());
                                assertTrue(r.citation().url().startsWith("http"), r.toString());
                            }
                            assertTrue(d.factsUsed().stream().anyMatch(u -> u.startsWith("remark codes: ")));
                            assertTrue(d.factsUsed().stream().anyMatch(u -> u.startsWith("claim filing indicator: ")));
                            assertEquals(d.status() == TrackDecision.Status.NEEDS_FACTS, !d.missingFacts().isEmpty());
                        }
                    }
                }
            }
        }
        assertEquals(11 * 5 * 3 * 6 * 3, decisions);
    }

    // --- item 4 (selector side): Texas ER and consent ---

    @Test
    void texasFullyInsuredEmergencyRoomClaimQualifiesForTexasArbitration() {
        // the example: POS 23 on a TDI plan, emergency never recorded, went to COMMERCIAL_APPEAL
        TrackDecision d = selector.select(plan(PlanType.FULLY_INSURED_STATE, "TX", "23", NetworkStatus.OUT_OF_NETWORK, false, false,
                ProviderType.INTERVENTIONAL, Set.of()));
        assertEquals(Track.TEXAS_ARBITRATION, d.track(), text(d));
        assertTrue(text(d).contains("place of service 23"), text(d));
        // the emergency fact alone (e.g. an urgent case billed at POS 22) does the same on both branches
        for (PlanType type : List.of(PlanType.FULLY_INSURED_STATE, PlanType.STATE_EMPLOYEE)) {
            assertEquals(Track.TEXAS_ARBITRATION, selector.select(plan(type, "TX", "22", NetworkStatus.OUT_OF_NETWORK, true, false,
                    ProviderType.INTERVENTIONAL, Set.of())).track(), type.name());
        }
        assertEquals(Track.FEDERAL_IDR, selector.select(plan(PlanType.SELF_FUNDED_ERISA, null, "22", NetworkStatus.OUT_OF_NETWORK, true,
                false, ProviderType.INTERVENTIONAL, Set.of())).track());
    }

    @Test
    void consentedNonAncillaryServiceIsNeverRoutedToIdr() {
        for (ProviderType provider : ProviderType.values()) {
            TrackDecision d = selector.select(plan(PlanType.SELF_FUNDED_ERISA, null, "24", NetworkStatus.IN_NETWORK, false, true,
                    provider, Set.of("N882")));
            if (provider.ancillary()) {
                assertEquals(Track.FEDERAL_IDR, d.track(), provider.name());
            } else {
                assertNotEquals(Track.FEDERAL_IDR, d.track(), provider.name());
                assertTrue(d.citations().contains("https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title42-section300gg-111"));
                assertTrue(text(d).contains("N882"), text(d));
            }
        }
    }
}
