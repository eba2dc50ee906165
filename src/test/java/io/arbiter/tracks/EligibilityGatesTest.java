package io.arbiter.tracks;

import io.arbiter.deadlines.DisputeType;
import io.arbiter.deadlines.Engines;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.ProviderType;
import io.arbiter.tracks.eligibility.BatchItem;
import io.arbiter.tracks.eligibility.BatchingGate;
import io.arbiter.tracks.eligibility.CoolingOffGate;
import io.arbiter.tracks.eligibility.CoolingOffSettings;
import io.arbiter.tracks.eligibility.EligibilityInput;
import io.arbiter.tracks.eligibility.EligibilityResult;
import io.arbiter.tracks.eligibility.EligibilityScreen;
import io.arbiter.tracks.eligibility.GateResult;
import io.arbiter.tracks.eligibility.GateStatus;
import io.arbiter.tracks.eligibility.InitiationWindowGate;
import io.arbiter.tracks.eligibility.NoStateLawOrAllPayerModelGate;
import io.arbiter.tracks.eligibility.NoticeAndConsentGate;
import io.arbiter.tracks.eligibility.OpenNegotiationTimelyGate;
import io.arbiter.tracks.eligibility.OutOfNetworkGate;
import io.arbiter.tracks.eligibility.PriorDetermination;
import io.arbiter.tracks.eligibility.QualifiedItemGate;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One test per federal IDR eligibility gate (federal-idr.md §1, §2.4, §4). */
class EligibilityGatesTest {


    private static final LocalDate DOS = LocalDate.of(2024, 5, 1);
    private final io.arbiter.deadlines.DeadlineEngine engine = Engines.standard();

    private static TrackFacts facts(PlanType plan, NetworkStatus planNet, String pos, NetworkStatus facility, ProviderType type,
                                    boolean consent, boolean emergency, Set<String> rarcs) {
        return new TrackFacts(plan, null, planNet, "TX", pos, facility, type, consent, emergency, DOS, rarcs, false);
    }

    private static TrackFacts good() {
        return facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.OUT_OF_NETWORK, "24", NetworkStatus.IN_NETWORK,
                ProviderType.INTERVENTIONAL, false, false, Set.of("N865"));
    }

    private static EligibilityInput input(TrackFacts f, String received, String onp, String initiated) {
        return new EligibilityInput(f, d(received), d(onp), d(initiated), LocalDate.of(2024, 7, 17), DisputeType.SINGLE,
                "741234567", "ACME HEALTH PLAN INC", List.of("64483"), List.of(), List.of());
    }

    private static LocalDate d(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    @Test
    void qualifiedItemGate() {
        QualifiedItemGate g = new QualifiedItemGate(Engines.RULES);
        assertEquals(GateStatus.PASS, g.evaluate(input(good(), null, null, null)).status());
        assertEquals(GateStatus.FAIL, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.OUT_OF_NETWORK, "11",
                NetworkStatus.UNKNOWN, ProviderType.INTERVENTIONAL, false, false, Set.of()), null, null, null)).status(),
                "office-based procedure is not at a participating facility");
        assertEquals(GateStatus.PASS, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.OUT_OF_NETWORK, "11",
                NetworkStatus.UNKNOWN, ProviderType.INTERVENTIONAL, false, true, Set.of()), null, null, null)).status(), "emergency");
        assertEquals(GateStatus.UNKNOWN, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.OUT_OF_NETWORK, "24",
                NetworkStatus.UNKNOWN, ProviderType.INTERVENTIONAL, false, false, Set.of()), null, null, null)).status());
    }

    @Test
    void noStateLawOrAllPayerModelGate() {
        NoStateLawOrAllPayerModelGate g = new NoStateLawOrAllPayerModelGate(Engines.RULES);
        assertEquals(GateStatus.PASS, g.evaluate(input(good(), null, null, null)).status());
        assertEquals(GateStatus.FAIL, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.OUT_OF_NETWORK, "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, Set.of("N863")), null, null, null)).status());
        assertEquals(GateStatus.FAIL, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.OUT_OF_NETWORK, "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, Set.of("N871")), null, null, null)).status());
        TrackFacts tdi = new TrackFacts(PlanType.FULLY_INSURED_STATE, "TX", NetworkStatus.OUT_OF_NETWORK, "TX", "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, DOS, Set.of(), false);
        GateResult r = g.evaluate(input(tdi, null, null, null));
        assertEquals(GateStatus.FAIL, r.status());
        assertTrue(r.reason().contains("TX"));
    }

    @Test
    void noticeAndConsentGateNeverValidForAncillary() {
        NoticeAndConsentGate g = new NoticeAndConsentGate(Engines.RULES);
        assertEquals(GateStatus.PASS, g.evaluate(input(good(), null, null, null)).status());
        assertEquals(GateStatus.PASS, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.OUT_OF_NETWORK, "24",
                NetworkStatus.IN_NETWORK, ProviderType.ANESTHESIA, true, false, Set.of()), null, null, null)).status());
        assertEquals(GateStatus.FAIL, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.OUT_OF_NETWORK, "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, true, false, Set.of()), null, null, null)).status());
    }

    @Test
    void outOfNetworkGate() {
        OutOfNetworkGate g = new OutOfNetworkGate(Engines.RULES);
        assertEquals(GateStatus.PASS, g.evaluate(input(good(), null, null, null)).status());
        assertEquals(GateStatus.FAIL, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.IN_NETWORK, "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, Set.of()), null, null, null)).status());
        assertEquals(GateStatus.UNKNOWN, g.evaluate(input(facts(PlanType.SELF_FUNDED_ERISA, NetworkStatus.UNKNOWN, "24",
                NetworkStatus.IN_NETWORK, ProviderType.INTERVENTIONAL, false, false, Set.of()), null, null, null)).status());
    }

    @Test
    void openNegotiationTimelyGate() {
        OpenNegotiationTimelyGate g = new OpenNegotiationTimelyGate(Engines.RULES, engine);
        // received Thu 2024-04-18: BD 30 of the period beginning that day = 2024-05-30 (Memorial Day 05-27 skipped)
        assertEquals(GateStatus.PASS, g.evaluate(input(good(), "2024-04-18", "2024-05-30", null)).status());
        GateResult late = g.evaluate(input(good(), "2024-04-18", "2024-05-31", null));
        assertEquals(GateStatus.FAIL, late.status());
        assertTrue(late.reason().contains("2024-05-30"), late.reason());
        assertEquals(GateStatus.UNKNOWN, g.evaluate(input(good(), null, null, null)).status());
    }

    @Test
    void initiationWindowGateUsesTheCmsVector() {
        InitiationWindowGate g = new InitiationWindowGate(Engines.RULES, engine);
        // ONP 2024-05-31 → window 2024-07-16 .. 2024-07-19
        assertEquals(GateStatus.PASS, g.evaluate(input(good(), "2024-05-20", "2024-05-31", "2024-07-19")).status());
        assertEquals(GateStatus.FAIL, g.evaluate(input(good(), "2024-05-20", "2024-05-31", "2024-07-15")).status(), "too early");
        assertEquals(GateStatus.FAIL, g.evaluate(input(good(), "2024-05-20", "2024-05-31", "2024-07-22")).status(), "too late");
        assertEquals(GateStatus.UNKNOWN, g.evaluate(input(good(), "2024-05-20", null, null)).status());
    }

    @Test
    void coolingOffGateBlocksSamePartiesSameServiceWithin90Days() {
        CoolingOffGate g = new CoolingOffGate(Engines.RULES, engine, new CoolingOffSettings());
        PriorDetermination prior = new PriorDetermination("741234567", "Acme Health Plan, Inc.", "64483",
                LocalDate.of(2024, 5, 10), false, null);
        // determination 2024-05-10 + 90 CD = 2024-08-08: initiation 2024-07-19 is blocked
        EligibilityInput in = new EligibilityInput(good(), d("2024-05-20"), d("2024-05-31"), d("2024-07-19"),
                LocalDate.of(2024, 7, 17), DisputeType.SINGLE, "741234567", "ACME HEALTH PLAN INC", List.of("64483"),
                List.of(), List.of(prior));
        GateResult r = g.evaluate(in);
        assertEquals(GateStatus.FAIL, r.status());
        assertTrue(r.reason().contains("2024-08-08"), r.reason());
        // another service code is not "same or similar" under the default SAME_CODE policy...
        EligibilityInput other = new EligibilityInput(good(), d("2024-05-20"), d("2024-05-31"), d("2024-07-19"),
                LocalDate.of(2024, 7, 17), DisputeType.SINGLE, "741234567", "ACME HEALTH PLAN INC", List.of("64484"),
                List.of(), List.of(prior));
        assertEquals(GateStatus.PASS, g.evaluate(other).status());
        // ...but is under the SAME_CODE_FAMILY policy (6448x)
        CoolingOffSettings family = new CoolingOffSettings();
        family.setServiceMatch(CoolingOffSettings.ServiceMatch.SAME_CODE_FAMILY);
        assertEquals(GateStatus.FAIL, new CoolingOffGate(Engines.RULES, engine, family).evaluate(other).status());
    }

    @Test
    void batchingGateChecksProviderPayerConditionWindowAndCap() {
        BatchingGate g = new BatchingGate(Engines.RULES, Engines.calendars(), null);
        List<BatchItem> ok = List.of(
                new BatchItem("2345678900", "741234567", "ACME1", LocalDate.of(2026, 9, 1), "64483", "M54.16"),
                new BatchItem("2345678900", "741234567", "ACME1", LocalDate.of(2026, 10, 9), "64483", "M54.17"));
        // 2026-09-01 is BD 1; Labor Day 09-07 and Columbus Day 10-12 skipped → BD 30 = 2026-10-14 ≥ 10-09
        assertEquals(GateStatus.PASS, g.evaluate(batched(ok, "2026-10-20")).status());
        List<BatchItem> twoPayers = List.of(ok.get(0),
                new BatchItem("2345678900", "741234567", "BCBS1", LocalDate.of(2026, 9, 2), "64483", "M54.16"));
        assertTrue(g.evaluate(batched(twoPayers, "2026-10-20")).reason().contains("more than one payer"));
        List<BatchItem> tooLate = List.of(ok.get(0),
                new BatchItem("2345678900", "741234567", "ACME1", LocalDate.of(2026, 10, 15), "64483", "M54.16")); // one day past BD 30
        assertEquals(GateStatus.FAIL, g.evaluate(batched(tooLate, "2026-10-20")).status());
        // 51 lines: no cap for ONP 2026-10-30, cap 50 for ONP 2026-11-02 (UNVERIFIED applicability date 2026-11-01)
        List<BatchItem> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new BatchItem("2345678900", "741234567", "ACME1", LocalDate.of(2026, 9, 1).plusDays(i % 20), "64483", "M54.16"));
        }
        assertEquals(GateStatus.PASS, g.evaluate(batched(many, "2026-10-30")).status());
        GateResult capped = g.evaluate(batched(many, "2026-11-02"));
        assertEquals(GateStatus.FAIL, capped.status());
        assertTrue(capped.reason().contains("cap of 50"));
        assertTrue(capped.citation().unverified());
        assertEquals(GateStatus.PASS, new BatchingGate(Engines.RULES, Engines.calendars(), 60).evaluate(batched(many, "2026-11-02")).status(),
                "cap is configurable");
    }

    private static EligibilityInput batched(List<BatchItem> items, String onp) {
        return new EligibilityInput(good(), null, d(onp), null, LocalDate.of(2026, 11, 5), DisputeType.BATCHED, "741234567",
                "ACME", List.of("64483"), items, List.of());
    }

    @Test
    void screenRunsEveryGateAndSummarises() {
        EligibilityScreen screen = new EligibilityScreen(Engines.RULES, Engines.calendars(), engine, new CoolingOffSettings(), null);
        EligibilityResult r = screen.screen(input(good(), "2024-05-20", "2024-05-31", "2024-07-19"));
        assertEquals(8, r.gates().size());
        assertEquals(EligibilityResult.Outcome.ELIGIBLE, r.outcome(), r.gates().toString());
        EligibilityResult bad = screen.screen(input(good(), "2024-05-20", "2024-05-31", "2024-07-22"));
        assertEquals(EligibilityResult.Outcome.INELIGIBLE, bad.outcome());
    }
}
