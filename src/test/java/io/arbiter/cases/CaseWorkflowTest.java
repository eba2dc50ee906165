package io.arbiter.cases;

import io.arbiter.rules.Track;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stage machines per track (42 U.S.C. 300gg-111(c); Tex. Ins. Code ch. 1467; 28 TAC §133.307; 29 CFR 2560.503-1). */
class CaseWorkflowTest {

    private static DisputeCase newCase(Track track, String initialPaid, String costSharing) {
        DisputeCase c = new DisputeCase();
        c.setCaseNumber("ARB-TEST");
        c.setTrack(track);
        c.setStage(CaseStage.DRAFT);
        c.setBilled(new BigDecimal("3500.00"));
        c.setInitialPaid(new BigDecimal(initialPaid));
        c.setCostSharing(new BigDecimal(costSharing));
        c.setPaymentsReceived(new BigDecimal("0.00"));
        c.setFeesPaid(new BigDecimal("0.00"));
        c.setFeeRefundsReceived(new BigDecimal("0.00"));
        return c;
    }

    private static final LocalDate D = LocalDate.of(2026, 10, 1);

    @Test
    void federalIdrRunsItsCourseAndComputesWhatIsOwed() {
        CaseWorkflow w = CaseWorkflow.forTrack(Track.FEDERAL_IDR);
        DisputeCase c = newCase(Track.FEDERAL_IDR, "392.00", "98.00");
        assertEquals(CaseStage.OPEN_NEGOTIATION, c.apply(w, CaseEventType.OPEN_NEGOTIATION_STARTED, D, null, null, null));
        assertEquals(CaseStage.OPEN_NEGOTIATION, c.apply(w, CaseEventType.PAYER_OFFER_RECEIVED, D, new BigDecimal("520.00"), null, null));
        assertEquals(CaseStage.IDR_INITIATED, c.apply(w, CaseEventType.IDR_INITIATED, D, null, null, null));
        assertEquals(CaseStage.IDR_INITIATED, c.apply(w, CaseEventType.FEE_PAID, D, new BigDecimal("15.00"), FeeKind.ADMIN, null));
        assertEquals(CaseStage.IDRE_SELECTED, c.apply(w, CaseEventType.IDRE_SELECTED, D, null, null, null));
        assertEquals(CaseStage.OFFERS_SUBMITTED, c.apply(w, CaseEventType.OFFER_SUBMITTED, D, new BigDecimal("2100.00"), null, null));
        c.apply(w, CaseEventType.FEE_PAID, D, new BigDecimal("395.00"), FeeKind.IDRE, null);
        assertEquals(CaseStage.DETERMINED, c.apply(w, CaseEventType.DETERMINATION_ISSUED, D, new BigDecimal("2100.00"), null, null));
        assertEquals(Outcome.WON, c.getOutcome(), "the IDRE picked the provider's offer");
        // owed = determination − cost sharing − initial payment = 2,100.00 − 98.00 − 392.00 = 1,610.00
        assertEquals(new BigDecimal("1610.00"), c.owed());
        assertEquals(CaseStage.DETERMINED, c.apply(w, CaseEventType.PAYMENT_RECEIVED, D, new BigDecimal("1000.00"), null, null),
                "a partial payment keeps the case open");
        assertEquals(new BigDecimal("610.00"), c.outstanding());
        assertEquals(CaseStage.PAID, c.apply(w, CaseEventType.PAYMENT_RECEIVED, D, new BigDecimal("610.00"), null, null));
        assertEquals(new BigDecimal("0.00"), c.outstanding());
        c.apply(w, CaseEventType.FEE_REFUND_RECEIVED, D, new BigDecimal("395.00"), null, null);
        // net = recovered 1,610.00 − (fees 410.00 − refunds 395.00) = 1,595.00
        assertEquals(new BigDecimal("1595.00"), c.net());
        assertEquals(CaseStage.CLOSED, c.apply(w, CaseEventType.CLOSED, D, null, null, null));
        assertTrue(c.getStage().terminal());
    }

    @Test
    void impossibleTransitionsAreRefusedWithTheAllowedEventsNamed() {
        CaseWorkflow w = CaseWorkflow.forTrack(Track.FEDERAL_IDR);
        DisputeCase c = newCase(Track.FEDERAL_IDR, "392.00", "98.00");
        CaseRuleViolation v = assertThrows(CaseRuleViolation.class, () -> c.apply(w, CaseEventType.IDR_INITIATED, D, null, null, null));
        assertEquals(409, v.status().getCode());
        assertTrue(v.getMessage().contains("OPEN_NEGOTIATION_STARTED"), v.getMessage());
        assertEquals(CaseStage.DRAFT, c.getStage(), "a refused event changes nothing");
        assertThrows(CaseRuleViolation.class, () -> c.apply(w, CaseEventType.DETERMINATION_ISSUED, D, BigDecimal.TEN, null, null));
        assertThrows(CaseRuleViolation.class, () -> c.apply(w, CaseEventType.ARBITRATION_REQUESTED, D, null, null, null),
                "a Texas event has no place on the federal track");
    }

    @Test
    void determinationNeedsAnAmountAndAmountsAreNeverNegative() {
        CaseWorkflow w = CaseWorkflow.forTrack(Track.FEDERAL_IDR);
        DisputeCase c = newCase(Track.FEDERAL_IDR, "0.00", "0.00");
        c.apply(w, CaseEventType.OPEN_NEGOTIATION_STARTED, D, null, null, null);
        c.apply(w, CaseEventType.IDR_INITIATED, D, null, null, null);
        c.apply(w, CaseEventType.IDRE_SELECTED, D, null, null, null);
        CaseRuleViolation missing = assertThrows(CaseRuleViolation.class, () -> c.apply(w, CaseEventType.DETERMINATION_ISSUED, D, null, null, null));
        assertEquals(422, missing.status().getCode());
        assertThrows(CaseRuleViolation.class, () -> c.apply(w, CaseEventType.PAYER_OFFER_RECEIVED, D, new BigDecimal("-5"), null, null));
    }

    @Test
    void payerOfferChosenIsALossAndNothingBelowWhatWasPaidIsOwed() {
        CaseWorkflow w = CaseWorkflow.forTrack(Track.FEDERAL_IDR);
        DisputeCase c = newCase(Track.FEDERAL_IDR, "392.00", "98.00");
        c.apply(w, CaseEventType.OPEN_NEGOTIATION_STARTED, D, null, null, null);
        c.apply(w, CaseEventType.IDR_INITIATED, D, null, null, null);
        c.apply(w, CaseEventType.IDRE_SELECTED, D, null, null, null);
        c.apply(w, CaseEventType.OFFER_SUBMITTED, D, new BigDecimal("2100.00"), null, null);
        c.apply(w, CaseEventType.PAYER_OFFER_RECEIVED, D, new BigDecimal("480.00"), null, null);
        c.apply(w, CaseEventType.DETERMINATION_ISSUED, D, new BigDecimal("480.00"), null, null);
        assertEquals(Outcome.LOST, c.getOutcome());
        // 480.00 − 98.00 − 392.00 = −10.00 → nothing owed
        assertEquals(new BigDecimal("0.00"), c.owed());
    }

    @Test
    void overdueAwardStillAcceptsPaymentAndBecomesPaid() {
        CaseWorkflow w = CaseWorkflow.forTrack(Track.FEDERAL_IDR);
        DisputeCase c = newCase(Track.FEDERAL_IDR, "100.00", "25.00");
        c.apply(w, CaseEventType.OPEN_NEGOTIATION_STARTED, D, null, null, null);
        c.apply(w, CaseEventType.IDR_INITIATED, D, null, null, null);
        c.apply(w, CaseEventType.IDRE_SELECTED, D, null, null, null);
        c.apply(w, CaseEventType.DETERMINATION_ISSUED, D, new BigDecimal("625.00"), null, null);
        assertEquals(CaseStage.PAYMENT_OVERDUE, c.apply(w, CaseEventType.PAYMENT_OVERDUE, D, null, null, null));
        assertEquals(CaseStage.PAID, c.apply(w, CaseEventType.PAYMENT_RECEIVED, D, new BigDecimal("500.00"), null, null));
    }

    @Test
    void everyTrackHasItsOwnStageList() {
        assertEquals(List.of(CaseStage.DRAFT, CaseStage.ARBITRATION_REQUESTED, CaseStage.ARBITRATOR_SELECTED, CaseStage.DECIDED,
                CaseStage.PAID, CaseStage.CLOSED), CaseWorkflow.forTrack(Track.TEXAS_ARBITRATION).mainPath());
        assertTrue(CaseWorkflow.forTrack(Track.WORKERS_COMP).mainPath().contains(CaseStage.MFDR_FILED));
        assertTrue(CaseWorkflow.forTrack(Track.TEXAS_PIP).mainPath().contains(CaseStage.DEMAND_SENT));
        assertTrue(CaseWorkflow.forTrack(Track.COMMERCIAL_APPEAL).mainPath().contains(CaseStage.APPEAL_SUBMITTED));
        assertThrows(IllegalArgumentException.class, () -> CaseWorkflow.forTrack(Track.NOT_DISPUTABLE));
    }

    @Test
    void workersCompGoesFromReconsiderationToMfdr() {
        CaseWorkflow w = CaseWorkflow.forTrack(Track.WORKERS_COMP);
        DisputeCase c = newCase(Track.WORKERS_COMP, "410.00", "0.00");
        c.apply(w, CaseEventType.BILL_RECEIVED_BY_CARRIER, D, null, null, null);
        c.apply(w, CaseEventType.RECONSIDERATION_REQUESTED, D, null, null, null);
        assertFalse(w.allows(c.getStage(), CaseEventType.MFDR_DECIDED));
        c.apply(w, CaseEventType.RECONSIDERATION_DECIDED, D, new BigDecimal("410.00"), null, Outcome.LOST);
        assertEquals(CaseStage.MFDR_FILED, c.apply(w, CaseEventType.MFDR_FILED, D, null, null, null));
        c.apply(w, CaseEventType.MFDR_DECIDED, D, new BigDecimal("690.35"), null, null);
        assertEquals(Outcome.WON, c.getOutcome());
        // MAR 690.35 − 410.00 paid = 280.35 owed
        assertEquals(new BigDecimal("280.35"), c.owed());
    }

    @Test
    void commercialAppealMayGoToASecondLevel() {
        CaseWorkflow w = CaseWorkflow.forTrack(Track.COMMERCIAL_APPEAL);
        DisputeCase c = newCase(Track.COMMERCIAL_APPEAL, "0.00", "0.00");
        c.apply(w, CaseEventType.APPEAL_SUBMITTED, D, null, null, null);
        c.apply(w, CaseEventType.APPEAL_DECIDED, D, new BigDecimal("0.00"), null, Outcome.LOST);
        assertEquals(CaseStage.APPEAL_SUBMITTED, c.apply(w, CaseEventType.APPEAL_SUBMITTED, D, null, null, null));
    }
}
