package io.arbiter.deadlines;

import io.arbiter.rules.Convention;
import io.arbiter.rules.DayType;

import io.arbiter.calendar.CalendarSettings;
import io.arbiter.common.ApiException;
import io.arbiter.rules.Track;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.arbiter.deadlines.Engines.events;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Table tests per track (deadline-computation.md conventions; federal-idr.md §2.6 worked example). */
class DeadlineEngineTest {

    private final DeadlineEngine engine = Engines.standard();

    private static Deadline get(DeadlineEngine.Result r, String key) {
        return r.deadlines().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError(key + " not returned: " + r.deadlines().stream().map(Deadline::key).toList()));
    }

    private static Optional<Deadline> find(DeadlineEngine.Result r, String key) {
        return r.deadlines().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void cmsCrowdStrikeVectorOpenNegotiation20240531GivesInitiationDue20240719() {
        // ONP day 1 = Fri 2024-05-31; 30 BD skipping Juneteenth (06-19) and July 4 → day 30 = 2024-07-15;
        // the 4-BD window opens 2024-07-16 and closes 2024-07-19 (CMS extension notice).
        var r = engine.calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2024-05-31"), DeadlineOptions.DEFAULTS);
        assertEquals(d("2024-07-15"), get(r, "OPEN_NEGOTIATION_ENDS").dueDate());
        assertEquals(d("2024-07-16"), get(r, "IDR_INITIATION_WINDOW_OPENS").dueDate());
        Deadline due = get(r, "IDR_INITIATION_DUE");
        assertEquals(d("2024-07-19"), due.dueDate());
        assertEquals(DayType.BUSINESS, due.dayType());
        assertEquals(4, due.count());
        assertEquals("OPEN_NEGOTIATION_ENDS", due.from());
        assertEquals(d("2024-07-15"), due.fromDate());
        assertTrue(due.citation().startsWith("https://"));
        assertTrue(due.ruleVersion().startsWith("NSA-2022"));
    }

    @Test
    void federalWorkedExampleOfSection26() {
        // federal-idr.md §2.6: receipt Mon 2026-11-02 (Veterans Day 11-11 and Thanksgiving 11-26 skipped).
        var r = engine.calculate(Track.FEDERAL_IDR, events(
                "INITIAL_PAYMENT_RECEIVED", "2026-11-02", "OPEN_NEGOTIATION_STARTED", "2026-12-01",
                "IDR_INITIATED", "2027-01-20", "IDRE_SELECTED", "2027-01-25", "DETERMINATION_ISSUED", "2027-03-09"),
                DeadlineOptions.DEFAULTS);
        Deadline notice = get(r, "OPEN_NEGOTIATION_NOTICE_DUE");
        assertEquals(d("2026-12-15"), notice.dueDate());
        assertEquals(List.of(new Deadline.Alternative(d("2026-12-16"),
                "Receipt day not counted (day 1 is the next business day); federal-idr.md §2.1, UNVERIFIED")), notice.alternatives());
        assertEquals(d("2027-01-13"), get(r, "OPEN_NEGOTIATION_ENDS").dueDate());
        assertEquals(d("2027-01-14"), get(r, "IDR_INITIATION_WINDOW_OPENS").dueDate());
        assertEquals(d("2027-01-20"), get(r, "IDR_INITIATION_DUE").dueDate(), "2027-01-18 is MLK Day");
        assertEquals(d("2027-01-25"), get(r, "IDRE_JOINT_SELECTION_DUE").dueDate());
        assertEquals(d("2027-01-28"), get(r, "IDRE_DEPARTMENT_SELECTION_DUE").dueDate());
        assertEquals(d("2027-02-08"), get(r, "OFFER_AND_FEES_DUE").dueDate());
        assertEquals(d("2027-03-09"), get(r, "DETERMINATION_DUE").dueDate());
        Deadline payment = get(r, "PAYMENT_DUE");
        assertEquals(d("2027-04-08"), payment.dueDate(), "30 calendar days");
        assertEquals(DayType.CALENDAR, payment.dayType());
        assertEquals(d("2027-04-20"), payment.alternatives().get(0).dueDate(), "30-business-day reading (CMA) shown as alternative");
        assertEquals(d("2027-04-20"), get(r, "FEE_REFUND_DUE").dueDate());
        assertEquals(d("2027-06-07"), get(r, "COOLING_OFF_ENDS").dueDate(), "single dispute: 90 CD");
        assertEquals(d("2027-07-21"), get(r, "COOLING_OFF_FILING_WINDOW_ENDS").dueDate());
        assertTrue(find(r, "OPEN_NEGOTIATION_RESPONSE_DUE").isEmpty(), "announcement-triggered rule is off by default");
        assertTrue(r.skipped().stream().anyMatch(s -> s.key().equals("OPEN_NEGOTIATION_RESPONSE_DUE")));
        // sorted by due date
        for (int i = 1; i < r.deadlines().size(); i++) {
            assertFalse(r.deadlines().get(i).dueDate().isBefore(r.deadlines().get(i - 1).dueDate()));
        }
    }

    @Test
    void onlyDeadlinesWhoseTriggersAreGivenAreReturned() {
        var r = engine.calculate(Track.FEDERAL_IDR, events("IDR_INITIATED", "2027-01-20"), DeadlineOptions.DEFAULTS);
        assertEquals(List.of("IDRE_JOINT_SELECTION_DUE", "IDRE_DEPARTMENT_SELECTION_DUE"),
                r.deadlines().stream().map(Deadline::key).toList());
    }

    @Test
    void weekendStartCountsTheNextBusinessDayAsDayOne() {
        // ONP notice sent Sat 2026-08-01: day 1 = Mon 08-03; Labor Day 09-07 skipped → day 30 = 2026-09-14.
        var r = engine.calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2026-08-01"), DeadlineOptions.DEFAULTS);
        assertEquals(d("2026-09-14"), get(r, "OPEN_NEGOTIATION_ENDS").dueDate());
    }

    @Test
    void federalCalendarDayPaymentLandingOnSaturdayIsNotRolledForward() {
        // 2026-10-01 + 30 CD = Sat 2026-10-31: no federal roll-forward rule was found (deadline-computation.md).
        var r = engine.calculate(Track.FEDERAL_IDR, events("DETERMINATION_ISSUED", "2026-10-01"), DeadlineOptions.DEFAULTS);
        assertEquals(d("2026-10-31"), get(r, "PAYMENT_DUE").dueDate());
    }

    @Test
    void executiveOrderClosureDaysAreShownAsTheLaterAlternative() {
        // ONP from 2025-12-01: day 30 = 2026-01-13 (Dec 25, Jan 1 skipped); window ends 2026-01-20 (MLK 01-19).
        // Counting the EO closures of 2025-12-24 and 12-26 moves day 30 to 01-15 and the window end to 01-22.
        var r = engine.calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2025-12-01"), DeadlineOptions.DEFAULTS);
        Deadline due = get(r, "IDR_INITIATION_DUE");
        assertEquals(d("2026-01-20"), due.dueDate());
        assertEquals(d("2026-01-22"), due.alternatives().get(0).dueDate());
        assertTrue(due.alternatives().get(0).reading().contains("closure"));

        CalendarSettings on = new CalendarSettings();
        on.setCountClosureDays(true);
        var r2 = Engines.with(on, new DeadlineSettings()).calculate(Track.FEDERAL_IDR,
                events("OPEN_NEGOTIATION_STARTED", "2025-12-01"), DeadlineOptions.DEFAULTS);
        assertEquals(d("2026-01-22"), get(r2, "IDR_INITIATION_DUE").dueDate());
        assertEquals(d("2026-01-20"), get(r2, "IDR_INITIATION_DUE").alternatives().get(0).dueDate());
    }

    @Test
    void openNegotiationResponseDueOnBusinessDay15WhereThe2026RuleApplies() {
        // ONP day 1 = Tue 2026-12-01 → day 15 = 2026-12-21 (§2.6).
        var forced = engine.calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2026-12-01"),
                new DeadlineOptions(null, null, true, null, null));
        Deadline resp = get(forced, "OPEN_NEGOTIATION_RESPONSE_DUE");
        assertEquals(d("2026-12-21"), resp.dueDate());
        assertTrue(resp.unverified());
        assertTrue(resp.ruleVersion().startsWith("IDR-OPS-2026"));

        DeadlineSettings announced = new DeadlineSettings();
        announced.setPortalOpenNegotiationFrom(d("2026-12-01"));
        DeadlineEngine e = Engines.with(new CalendarSettings(), announced);
        assertTrue(find(e.calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2026-11-30"), DeadlineOptions.DEFAULTS),
                "OPEN_NEGOTIATION_RESPONSE_DUE").isEmpty(), "ONP before the announced date keeps the pre-2026 rule");
        assertEquals(d("2026-12-21"), get(e.calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2026-12-01"),
                DeadlineOptions.DEFAULTS), "OPEN_NEGOTIATION_RESPONSE_DUE").dueDate());
    }

    @Test
    void batchedCoolingOffSwitchesTo30BusinessDaysForOpenNegotiationFrom20261101() {
        DeadlineOptions batched = new DeadlineOptions(DisputeType.BATCHED, null, null, null, null);
        // ONP 2026-12-01 (new regime): determination 2027-03-09 + 30 BD = 2027-04-20 (§0a worked check);
        // 30 CD reading = 2027-04-08 as alternative; the filing window then runs 30 BD to 2027-06-02.
        var r = engine.calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2026-12-01",
                "DETERMINATION_ISSUED", "2027-03-09"), batched);
        Deadline cool = get(r, "COOLING_OFF_ENDS");
        assertEquals(d("2027-04-20"), cool.dueDate());
        assertEquals(DayType.BUSINESS, cool.dayType());
        assertEquals(d("2027-04-08"), cool.alternatives().get(0).dueDate());
        assertTrue(cool.ruleVersion().startsWith("IDR-OPS-2026-BATCHING"));
        assertEquals(d("2027-06-02"), get(r, "COOLING_OFF_FILING_WINDOW_ENDS").dueDate());
        // ONP 2026-10-30 (before the switch): batched disputes keep 90 CD → 2027-06-07.
        var old = engine.calculate(Track.FEDERAL_IDR, events("OPEN_NEGOTIATION_STARTED", "2026-10-30",
                "DETERMINATION_ISSUED", "2027-03-09"), batched);
        assertEquals(d("2027-06-07"), get(old, "COOLING_OFF_ENDS").dueDate());
        assertTrue(get(old, "COOLING_OFF_ENDS").ruleVersion().startsWith("NSA-2022"));
    }

    @Test
    void texasArbitrationDeadlinesRollForwardUnderTheCodeConstructionAct() {
        // Request 2026-04-02: +30 = Sat 05-02 → Mon 05-04; +51 = Sat 05-23 → Mon 05-25 is Memorial Day, a national
        // holiday of Gov't Code §662.003(a) (always closed) → Tue 05-26, with no other reading.
        var r = engine.calculate(Track.TEXAS_ARBITRATION, events("ARBITRATION_REQUESTED", "2026-04-02"), DeadlineOptions.DEFAULTS);
        assertEquals(d("2026-05-04"), get(r, "ARBITRATOR_SELECTION_DUE").dueDate());
        Deadline decision = get(r, "DECISION_DUE");
        assertEquals(d("2026-05-26"), decision.dueDate());
        assertTrue(decision.alternatives().isEmpty(), decision.alternatives().toString());
        // Initial payment 2026-03-03 + 90 = Mon 2026-06-01 (no roll); 2026-09-26 + 90 = Fri 2026-12-25 (Christmas, a
        // national holiday of Gov't Code §662.003(a), always closed) → Mon 12-28, with no other reading.
        assertEquals(d("2026-06-01"), get(engine.calculate(Track.TEXAS_ARBITRATION,
                events("INITIAL_PAYMENT_RECEIVED", "2026-03-03"), DeadlineOptions.DEFAULTS), "ARBITRATION_REQUEST_DUE").dueDate());
        Deadline xmas = get(engine.calculate(Track.TEXAS_ARBITRATION, events("INITIAL_PAYMENT_RECEIVED", "2026-09-26"),
                DeadlineOptions.DEFAULTS), "ARBITRATION_REQUEST_DUE");
        assertEquals(d("2026-12-28"), xmas.dueDate());
        assertTrue(xmas.alternatives().isEmpty(), xmas.alternatives().toString());
        // Decision 2026-05-20 + 30 = Fri 2026-06-19 (Emancipation Day in Texas, UNVERIFIED list) → alt Mon 06-22.
        Deadline fee = get(engine.calculate(Track.TEXAS_ARBITRATION, events("DECISION_ISSUED", "2026-05-20"),
                DeadlineOptions.DEFAULTS), "ARBITRATOR_FEE_DUE");
        assertEquals(d("2026-06-19"), fee.dueDate());
        assertEquals(d("2026-06-22"), fee.alternatives().get(0).dueDate());

        CalendarSettings tx = new CalendarSettings();
        tx.setTexasApplyUnverifiedHolidays(true);
        assertEquals(d("2026-12-28"), get(Engines.with(tx, new DeadlineSettings()).calculate(Track.TEXAS_ARBITRATION,
                events("INITIAL_PAYMENT_RECEIVED", "2026-09-26"), DeadlineOptions.DEFAULTS), "ARBITRATION_REQUEST_DUE").dueDate());
    }

    @Test
    void texasPipBillingAndPayment() {
        // DOS 2026-01-14 → first day of the 11th month after = 2026-12-01; proof 2026-02-03 + 30 = Thu 2026-03-05.
        var r = engine.calculate(Track.TEXAS_PIP, events("DATE_OF_SERVICE", "2026-01-14", "PROOF_OF_CLAIM_RECEIVED", "2026-02-03"),
                DeadlineOptions.DEFAULTS);
        assertEquals(d("2026-12-01"), get(r, "BILLING_DUE").dueDate());
        assertEquals(Convention.FIRST_DAY_OF_MONTH_AFTER, get(r, "BILLING_DUE").convention());
        assertEquals(d("2026-03-05"), get(r, "PAYMENT_DUE").dueDate());
    }

    @Test
    void workersCompDeadlinesWithReconsiderationConflict() {
        // DOS 2026-01-14: +95 = Sun 04-19 → Mon 04-20; +10 months = Sat 11-14 → Mon 11-16 (alt 11 months = Mon 12-14);
        // MFDR +1 year = Thu 2027-01-14. Bill received 2026-04-01: +45 = Sat 05-16 → Mon 05-18; interest from 05-31 (no roll).
        var r = engine.calculate(Track.WORKERS_COMP, events("DATE_OF_SERVICE", "2026-01-14", "BILL_RECEIVED_BY_CARRIER", "2026-04-01"),
                DeadlineOptions.DEFAULTS);
        assertEquals(d("2026-04-20"), get(r, "BILL_DUE").dueDate());
        Deadline recon = get(r, "RECONSIDERATION_DUE");
        assertEquals(d("2026-11-16"), recon.dueDate());
        assertEquals(10, recon.count());
        assertTrue(recon.unverified());
        assertEquals(d("2026-12-14"), recon.alternatives().get(0).dueDate());
        assertEquals(d("2027-01-14"), get(r, "MFDR_DUE").dueDate());
        assertEquals(d("2026-05-18"), get(r, "CARRIER_ACTION_DUE").dueDate());
        assertEquals(d("2026-05-31"), get(r, "INTEREST_ACCRUES_FROM").dueDate());

        DeadlineSettings eleven = new DeadlineSettings();
        eleven.setWcReconsiderationMonths(11);
        Deadline r11 = get(Engines.with(new CalendarSettings(), eleven).calculate(Track.WORKERS_COMP,
                events("DATE_OF_SERVICE", "2026-01-14"), DeadlineOptions.DEFAULTS), "RECONSIDERATION_DUE");
        assertEquals(d("2026-12-14"), r11.dueDate());
        assertEquals(11, r11.count());
    }

    @Test
    void commercialAppealDefaultsTo180DaysOrThePayersWindow() {
        // Denial 2026-03-02 + 180 CD = 2026-08-29; payer window 90 → 2026-05-31.
        var r = engine.calculate(Track.COMMERCIAL_APPEAL, events("DENIAL_RECEIVED", "2026-03-02"), DeadlineOptions.DEFAULTS);
        assertEquals(d("2026-08-29"), get(r, "APPEAL_DUE").dueDate());
        assertEquals(180, get(r, "APPEAL_DUE").count());
        var p = engine.calculate(Track.COMMERCIAL_APPEAL, events("DENIAL_RECEIVED", "2026-03-02"),
                new DeadlineOptions(null, 90, null, null, null));
        assertEquals(d("2026-05-31"), get(p, "APPEAL_DUE").dueDate());
    }

    @Test
    void unknownEventKeysAndImpossibleOrdersAreRejected() {
        ApiException unknown = assertThrows(ApiException.class, () -> engine.calculate(Track.TEXAS_PIP,
                events("IDR_INITIATED", "2026-01-01"), DeadlineOptions.DEFAULTS));
        assertEquals(400, unknown.status().getCode());
        assertEquals("events.IDR_INITIATED", unknown.errors().get(0).location());
        ApiException order = assertThrows(ApiException.class, () -> engine.calculate(Track.FEDERAL_IDR,
                events("OPEN_NEGOTIATION_STARTED", "2024-05-31", "IDR_INITIATED", "2024-05-01"), DeadlineOptions.DEFAULTS));
        assertEquals(422, order.status().getCode());
        assertEquals("events.IDR_INITIATED", order.errors().get(0).location());
        assertThrows(ApiException.class, () -> engine.calculate(Track.NOT_DISPUTABLE, Map.of(), DeadlineOptions.DEFAULTS));
    }
}
