package io.arbiter.demo;

import io.arbiter.common.DemoMode;
import io.arbiter.cases.CaseDeadline;
import io.arbiter.cases.CaseDeadlines;
import io.arbiter.cases.CaseEventType;
import io.arbiter.cases.CaseRequests;
import io.arbiter.cases.CaseService;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.FeeKind;
import io.arbiter.claims.Claim;
import io.arbiter.claims.Claims;
import io.arbiter.packets.PacketDetail;
import io.arbiter.packets.PacketDetails;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Practices;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.event.annotation.EventListener;
import io.arbiter.cluster.ClusterLock;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Demo mode: opens cases on the demo claims across every track and walks them through their stages with
 * dates taken from their own deadlines, so the work queue, case pages, attorney room and finance dashboard
 * have something real to show. Steps that would lie in the future are not taken.
 */
@Singleton
public class DemoCases {

    @Inject
    ClusterLock startupLock;

    private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);
    private static final String SPECIALIST = "specialist";

    private final DemoMode demoMode;
    private final CaseService cases;
    private final CaseDeadlines deadlines;
    private final Claims claims;
    private final Practices practices;
    private final Payers payers;
    private final PacketDetails details;
    private final io.arbiter.cases.CaseLines caseLines;
    private final io.arbiter.denials.DenialService denials;
    private final io.arbiter.cases.CaseTerms caseTerms;
    @Inject
    io.arbiter.cases.CaseDocuments documents;
    @Inject
    DemoRemittances remittances;
    private @Nullable DisputeCase appealCase;
    private @Nullable DisputeCase awardCase;
    private @Nullable DisputeCase partialAwardCase;

    public DemoCases(DemoMode demoMode, CaseService cases, CaseDeadlines deadlines, Claims claims,
                     Practices practices, Payers payers, PacketDetails details,
                     io.arbiter.cases.CaseLines caseLines, io.arbiter.denials.DenialService denials,
                     io.arbiter.cases.CaseTerms caseTerms) {
        this.caseTerms = caseTerms;
        this.caseLines = caseLines;
        this.denials = denials;
        this.demoMode = demoMode;
        this.cases = cases;
        this.deadlines = deadlines;
        this.claims = claims;
        this.practices = practices;
        this.payers = payers;
        this.details = details;
    }

    @EventListener
    @Order(30)
    void onStartup(StartupEvent event) {
        if (demoMode.enabled()) {
            startupLock.holding(ClusterLock.STARTUP, ClusterLock.STARTUP_PATIENCE, () -> {
                if (claims.findByPracticeIdAndPatientControlNumber(practiceId(), "LSDEMO0001").isPresent() && cases.readableCount() == 0) {
                    seed();
                }
                return null;
            });
        }
    }

    private Long practiceId() {
        return practices.findFirstOrderById().map(p -> p.id()).orElse(-1L);
    }

    public void seed() {
        Long practiceId = practiceId();
        details.save(PacketDetail.Scope.PRACTICE, practiceId, Map.of(
                "practice.contactName", "Maria Alvarez", "practice.contactTitle", "Arbitration specialist",
                "practice.email", "disputes@lonestarspine.example"), SPECIALIST);
        payers.findByPayerCode("ACME1").ifPresent(p -> details.save(PacketDetail.Scope.PAYER, p.id(), Map.of(
                "payer.address.line1", "PO BOX 1000", "payer.address.city", "DALLAS", "payer.address.state", "TX",
                "payer.address.zip", "75201", "payer.email", "idr@acmehealth.example"), SPECIALIST));

        List<Runnable> scenarios = List.of(
                () -> federalPaid(claim(1)), () -> federalDetermined(claim(2)), () -> federalOpenNegotiation(claim(10)),
                () -> federalOpenNegotiation(claim(11)), () -> open(claim(19), null), () -> texasArbitration(claim(3)),
                () -> open(claim(12), null), () -> workersComp(claim(8)), () -> pip(claim(25)), () -> appeal(claim(5)));
        for (Runnable scenario : scenarios) {
            try {
                scenario.run();
            } catch (RuntimeException e) {
                // A demo case that the rules refuse is skipped, not fatal: the rest of the demo still loads.
                LOG.warn("Demo case skipped: {}", e.getMessage());
            }
        }
        var synced = denials.sync(null);
        appealEvidence();
        try {
            payerMoney();
        } catch (RuntimeException e) {
            LOG.warn("Demo payer money skipped: {}", e.getMessage());
        }
        LOG.info("Demo mode: opened demo cases across every track; denial records: {}", synced);
    }

    private @Nullable Claim claim(int n) {
        return claims.findByPracticeIdAndPatientControlNumber(practiceId(), String.format("LSDEMO%04d", n)).orElse(null);
    }

    private @Nullable DisputeCase open(@Nullable Claim c, @Nullable String share) {
        if (c == null) {
            return null;
        }
        DisputeCase dc = cases.open(new CaseRequests.Create(List.of(c.id()), null, SPECIALIST, null), SPECIALIST,
                io.arbiter.security.PracticeAccess.EVERY);
        if (share != null) {
            cases.share(dc.getId(), share, SPECIALIST);
        }
        return dc;
    }

    /** Records an event unless its date is still in the future; returns whether it was recorded. */
    private boolean step(@Nullable DisputeCase dc, CaseEventType type, @Nullable LocalDate date, @Nullable String amount,
                         @Nullable FeeKind feeKind, @Nullable String note) {
        if (dc == null || date == null || date.isAfter(cases.today())) {
            return false;
        }
        cases.record(dc.getId(), new CaseRequests.Event(type, date, amount == null ? null : new BigDecimal(amount), note,
                feeKind, null, null), SPECIALIST);
        return true;
    }

    private Optional<LocalDate> due(DisputeCase dc, String key) {
        return deadlines.findByCaseIdOrderByDueDate(dc.getId()).stream().filter(d -> d.key().equals(key))
                .map(CaseDeadline::dueDate).min(Comparator.naturalOrder());
    }

    /**
     * What a real specialist enters before filing: the QPA the payer disclosed with the initial payment, the
     * per-line split of the offer, the offer-brief narrative and the IDR portal details.
     */
    private void packetFacts(DisputeCase dc, String offerTotal, String disputeNumber) {
        BigDecimal qpa = dc.getInitialPaid().add(dc.getCostSharing());
        step(dc, CaseEventType.QPA_DISCLOSED, dc.getInitialPaymentDate(), qpa.toPlainString(), null, "QPA disclosed with the initial payment");
        List<io.arbiter.cases.CaseLine> lines = caseLines.findByCaseIdOrderById(dc.getId());
        BigDecimal offer = new BigDecimal(offerTotal);
        BigDecimal billed = dc.getBilled();
        BigDecimal assigned = BigDecimal.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            var l = lines.get(i);
            BigDecimal share = i == lines.size() - 1 ? offer.subtract(assigned)
                    : offer.multiply(l.billed()).divide(billed, 2, java.math.RoundingMode.HALF_UP);
            assigned = assigned.add(share);
            BigDecimal lineQpa = l.allowed() == null ? l.paid() : l.allowed();
            caseTerms.change(dc.getId(), l.id(), Map.of("offer", share.toPlainString(), "qpa", lineQpa.toPlainString()), "", SPECIALIST);
        }
        details.save(PacketDetail.Scope.CASE, dc.getId(), Map.of(
                "idr.disputeNumber", disputeNumber, "idr.preferredIdre", "Federal Hearings and Appeals Services (FHAS)",
                "idr.selectedIdre", "Federal Hearings and Appeals Services (FHAS)",
                "arguments.serviceDescription", "Fluoroscopically guided lumbar transforaminal epidural steroid injections for "
                        + "radiculopathy refractory to six weeks of physical therapy and NSAIDs.",
                "arguments.complexity", "Bilateral, multi-level procedure in a patient with prior lumbar surgery and "
                        + "foraminal stenosis; contrast flow confirmed at each level.",
                "arguments.trainingAndExperience", "Board-certified in anesthesiology with subspecialty certification in pain "
                        + "medicine; fellowship-trained; more than 4,000 transforaminal injections performed.",
                "arguments.codingJustification", "64483 for the first level with 64484 for the additional level, modifier 50 "
                        + "for the bilateral service as the plan requires; imaging guidance is included and not billed separately.",
                "arguments.marketShare", "The practice is one of three interventional pain groups serving the facility's "
                        + "referral area.",
                "arguments.benchmarkSource", "DEMO-SYNTHETIC-2026 (synthetic demo benchmark set, not market data)"), SPECIALIST);
    }

    private @Nullable DisputeCase federalToDetermination(@Nullable Claim c, String offer, String payerOffer, String determination) {
        DisputeCase dc = open(c, "attorney");
        if (dc == null || dc.getInitialPaymentDate() == null) {
            return dc;
        }
        packetFacts(dc, offer, "DISP-" + (2026000 + dc.getId()));
        LocalDate on = dc.getInitialPaymentDate().plusDays(3);
        if (!step(dc, CaseEventType.OPEN_NEGOTIATION_STARTED, on, null, null, "Open Negotiation Notice sent by e-mail and portal")
                || !step(dc, CaseEventType.OFFER_SUBMITTED, on, offer, null, "offer in the Open Negotiation Notice")) {
            return dc;
        }
        LocalDate initiate = due(dc, "IDR_INITIATION_WINDOW_OPENS").orElse(null);
        if (!step(dc, CaseEventType.PAYER_OFFER_RECEIVED, on.plusDays(10), payerOffer, null, "payer's counteroffer")
                || !step(dc, CaseEventType.IDR_INITIATED, initiate, null, null, "Notice of IDR Initiation filed")
                || !step(dc, CaseEventType.FEE_PAID, initiate, "15.00", FeeKind.ADMIN, "administrative fee")) {
            return dc;
        }
        LocalDate selected = initiate == null ? null : initiate.plusDays(2);
        if (!step(dc, CaseEventType.IDRE_SELECTED, selected, null, null, "IDRE selected jointly")
                || !step(dc, CaseEventType.FEE_PAID, selected.plusDays(5), "395.00", FeeKind.IDRE, "IDR entity fee")
                || !step(dc, CaseEventType.OFFER_SUBMITTED, selected.plusDays(5), offer, null, "final offer to the IDRE")) {
            return dc;
        }
        step(dc, CaseEventType.DETERMINATION_ISSUED, selected.plusDays(14), determination, null, "IDRE chose the provider's offer");
        return dc;
    }

    /** Decided for the provider; the payer pays the award by reversing its payment and paying the corrected claim (payerMoney). */
    private void federalPaid(@Nullable Claim c) {
        awardCase = federalToDetermination(c, "2950.00", "520.00", "2950.00");
    }

    /** Decided for the provider; the payer pays part of the award in a supplemental payment (payerMoney). */
    private void federalDetermined(@Nullable Claim c) {
        partialAwardCase = federalToDetermination(c, "1850.00", "310.00", "1850.00");
    }

    private @Nullable DisputeCase decided(@Nullable DisputeCase dc) {
        if (dc == null) {
            return null;
        }
        DisputeCase current = cases.readable(dc.getId(), SPECIALIST, false);
        return current.getDetermination() != null || current.getSettlementAmount() != null ? current : null;
    }

    /** A settlement the specialist reached with the payer, typed in; the money comes later in an 835. */
    private @Nullable DisputeCase settled(@Nullable Claim c, String total, LocalDate on) {
        DisputeCase dc = open(c, null);
        if (dc == null || !step(dc, CaseEventType.SETTLED, on, total, null, "payer agreed to settle at " + total + " total allowed")) {
            return null;
        }
        return decided(dc);
    }

    /**
     * Issue 17: the payer's money as it arrives — in 835s, imported through the real intake and matched by the
     * reconciliation, one of each way it comes (docs/reconciliation.md): an award paid by reversal + corrected claim with
     * interest in a PLB line (→ PAID), a partial award in a supplemental payment (the rest outstanding) and the same payment
     * restated in a second 835 (counted once), a settlement overpaid (the excess in the unmatched queue), a paper check
     * typed in and later seen in an 835 (confirmed, not counted twice), a denial overturned by a later payment (recovered),
     * and a claim Arbiter never saw, reversed and repaid (queued).
     */
    private void payerMoney() {
        io.arbiter.practice.Practice practice = practices.findFirstOrderById().orElseThrow();
        LocalDate today = cases.today();
        DisputeCase overpaid = settled(claim(4), "1500.00", today.minusDays(12));
        DisputeCase paperCheck = settled(claim(13), "1200.00", today.minusDays(12));
        if (paperCheck != null) {
            step(paperCheck, CaseEventType.PAYMENT_RECEIVED, today.minusDays(6), paperCheck.owed().toPlainString(), null,
                    "paper check 10482 deposited (typed in)");
        }
        Claim deniedClaim = claim(14);

        var settlements = remittances.remit(practice, "ACME1", today.minusDays(3), "EFT" + DATE.format(today.minusDays(3)) + "S");
        if (overpaid != null) {
            settlements.supplemental(claim(4), "S", overpaid.owed().add(new BigDecimal("150.00")));
        }
        if (paperCheck != null) {
            settlements.supplemental(claim(13), "S", paperCheck.owed());
        }
        if (deniedClaim != null) {
            settlements.supplemental(deniedClaim, "R", remittedShare(deniedClaim));
        }
        remittances.importFile(DemoRemittances.SETTLEMENTS, settlements);

        DisputeCase partial = decided(partialAwardCase);
        if (partial != null) {
            Claim c = claim(2);
            var gulf = remittances.remit(practice, c, today.minusDays(2), "EFT" + DATE.format(today.minusDays(2)) + "G");
            gulf.supplemental(c, "S", new BigDecimal("1000.00"));
            remittances.importFile(DemoRemittances.PARTIAL_AWARD, gulf);
            remittances.importRestated(DemoRemittances.PARTIAL_AWARD_RESTATED, gulf);
        }

        var award = remittances.remit(practice, "ACME1", today.minusDays(1), "EFT" + DATE.format(today.minusDays(1)) + "A");
        DisputeCase won = decided(awardCase);
        if (won != null) {
            Claim c = claim(1);
            award.reversal(c).corrected(c, won.owed(), "A").providerAdjustment("L6", c.patientControlNumber(), new BigDecimal("-18.45"));
        }
        award.unknownClaim("LSX0000417", "ERAX0417", "FOSTER", "HELEN", "W770004417", today.minusDays(70), new BigDecimal("2100.00"),
                new BigDecimal("412.00"), new BigDecimal("1236.00"), new BigDecimal("103.00"));
        remittances.importFile(DemoRemittances.AWARD, award);
    }

    private static final java.time.format.DateTimeFormatter DATE = java.time.format.DateTimeFormatter.BASIC_ISO_DATE;

    /** What the payer pays on each line of a denied claim it overturns: 20% of the line's charge. */
    private BigDecimal[] remittedShare(Claim c) {
        return lineCharges(c).stream().map(ch -> ch.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP))
                .toArray(BigDecimal[]::new);
    }

    @Inject
    io.arbiter.claims.ClaimLines claimLines;

    private List<BigDecimal> lineCharges(Claim c) {
        return claimLines.findByClaimIdOrderByLineNumber(c.id()).stream().map(io.arbiter.claims.ClaimLine::charge).toList();
    }

    private void federalOpenNegotiation(@Nullable Claim c) {
        DisputeCase dc = open(c, null);
        if (dc != null && dc.getInitialPaymentDate() != null) {
            LocalDate on = dc.getInitialPaymentDate().plusDays(5);
            if (step(dc, CaseEventType.OPEN_NEGOTIATION_STARTED, on, null, null, "Open Negotiation Notice sent")) {
                step(dc, CaseEventType.OFFER_SUBMITTED, on, "2400.00", null, "offer in the Open Negotiation Notice");
            }
        }
    }

    private void texasArbitration(@Nullable Claim c) {
        DisputeCase dc = open(c, "attorney");
        if (dc != null) {
            // What the arbitration request argues from (Tex. Ins. Code §1467.083 factors), as a specialist would write it.
            details.save(PacketDetail.Scope.CASE, dc.getId(), Map.of(
                    "arguments.trainingAndExperience", "Board-certified in anesthesiology and pain medicine; fellowship-trained; "
                            + "twelve years of interventional practice in the Houston area.",
                    "arguments.complexity", "Multi-level procedure under fluoroscopy in a patient with prior lumbar fusion.",
                    "arguments.benchmarkSource", "DEMO-SYNTHETIC-2026 (synthetic demo benchmark set, not market data)"), SPECIALIST);
        }
        if (dc != null && dc.getInitialPaymentDate() != null) {
            LocalDate requested = dc.getInitialPaymentDate().plusDays(20);
            if (step(dc, CaseEventType.ARBITRATION_REQUESTED, requested, null, null, "request filed on the TDI portal")) {
                step(dc, CaseEventType.ARBITRATOR_SELECTED, requested.plusDays(12), null, null, "arbitrator agreed");
            }
        }
    }

    private void workersComp(@Nullable Claim c) {
        DisputeCase dc = open(c, null);
        if (dc != null && dc.getPayerId() != null && details.forPayer(dc.getPayerId()).isEmpty()) {
            details.save(PacketDetail.Scope.PAYER, dc.getPayerId(), Map.of("payer.address.line1", "PO BOX 9120",
                    "payer.address.city", "AMARILLO", "payer.address.state", "TX", "payer.address.zip", "79105-9120",
                    "payer.phone", "(806) 555-0177"), SPECIALIST);
        }
        if (dc != null && c.serviceDateFrom() != null) {
            details.save(PacketDetail.Scope.CASE, dc.getId(), Map.of(
                    "patient.dateOfInjury", c.serviceDateFrom().minusDays(41).toString(),
                    "patient.employerName", "PANHANDLE GRAIN COOPERATIVE"), SPECIALIST);
            // The MAR is the billing team's entry: Arbiter does not price 2026 Texas WC services itself (the DWC
            // conversion factor for 2026 is not in its rule data), so the demo enters it as a specialist would.
            for (var l : caseLines.findByCaseIdOrderById(dc.getId())) {
                BigDecimal mar = l.paid().multiply(BigDecimal.valueOf(2)).setScale(2, java.math.RoundingMode.HALF_UP);
                caseTerms.change(dc.getId(), l.id(), Map.of("mar", mar.toPlainString(), "marComputation",
                        "Demo figure: fee-guideline MAR under 28 TAC §134.203(c) (Medicare RVUs × Texas GPCI × the DWC conversion "
                                + "factor for the year of service), computed by the billing team; the carrier paid half of it"),
                        "", SPECIALIST);
            }
        }
        if (dc != null && c.serviceDateFrom() != null) {
            LocalDate billed = c.serviceDateFrom().plusDays(5);
            if (step(dc, CaseEventType.BILL_RECEIVED_BY_CARRIER, billed, null, null, "CMS-1500 received by the carrier")
                    && step(dc, CaseEventType.CARRIER_ACTION_RECEIVED, c.paymentDate(), null, null, "EOB reduced to the fee guideline")) {
                step(dc, CaseEventType.RECONSIDERATION_REQUESTED, c.paymentDate().plusDays(10), null, null, "request for reconsideration sent");
            }
        }
    }

    private void pip(@Nullable Claim c) {
        DisputeCase dc = open(c, null);
        if (dc != null && dc.getPayerId() != null && details.forPayer(dc.getPayerId()).isEmpty()) {
            details.save(PacketDetail.Scope.PAYER, dc.getPayerId(), Map.of("payer.address.line1", "PO BOX 4410",
                    "payer.address.city", "AUSTIN", "payer.address.state", "TX", "payer.address.zip", "78701-4410",
                    "payer.phone", "(512) 555-0142"), SPECIALIST);
        }
        if (dc != null && c.serviceDateFrom() != null) {
            details.save(PacketDetail.Scope.CASE, dc.getId(), Map.of("payer.policyNumber", "TXA-4471902",
                    "patient.dateOfInjury", c.serviceDateFrom().minusDays(24).toString()), SPECIALIST);
        }
        if (dc != null && c.serviceDateFrom() != null) {
            LocalDate proof = c.serviceDateFrom().plusDays(7);
            if (step(dc, CaseEventType.PROOF_OF_CLAIM_RECEIVED, proof, null, null, "bill and records received by the insurer")) {
                step(dc, CaseEventType.DEMAND_SENT, c.paymentDate().plusDays(3), c.totalCharge().subtract(c.totalPaid()).toPlainString(), null,
                        "demand for the unpaid balance");
            }
        }
    }

    private void appeal(@Nullable Claim c) {
        DisputeCase dc = open(c, null);
        appealCase = dc;
        if (dc != null && dc.getInitialPaymentDate() != null) {
            step(dc, CaseEventType.APPEAL_SUBMITTED, dc.getInitialPaymentDate().plusDays(14), null, null, "first-level appeal with the auth letter");
        }
    }

    /**
     * The appeal case's evidence, once its denial is on record (after the sync): the authorization letter is uploaded to
     * the case and ticked against every required checklist item, so the demo has an appeal letter ready to download.
     */
    private void appealEvidence() {
        if (appealCase == null) {
            return;
        }
        try {
            for (var line : caseLines.findByCaseIdOrderById(appealCase.getId())) {
                var denial = denials.forClaimLine(line.claimLineId()).orElse(null);
                if (denial == null) {
                    continue;
                }
                var doc = documents.store(appealCase.getId(), null, "PAYER_CORRESPONDENCE", "Prior authorization letter A-55123",
                        "prior-authorization-A-55123.pdf", "application/pdf", letter("Prior authorization A-55123",
                                "Authorization A-55123 approved the procedure billed on this claim for the date of service. "
                                        + "(Demo document.)"), SPECIALIST);
                List<Integer> required = denial.checklist().stream().filter(e -> e.required()).map(e -> e.index()).toList();
                if (!required.isEmpty()) {
                    denials.attachEvidence(denial.id(), new io.arbiter.denials.DenialRequests.Evidence(required, doc.id(), true), SPECIALIST);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Demo appeal evidence skipped: {}", e.getMessage());
        }
    }

    /** A one-page PDF letter for the demo's documents. */
    private static byte[] letter(String title, String body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document doc = new com.lowagie.text.Document(com.lowagie.text.PageSize.LETTER);
        com.lowagie.text.pdf.PdfWriter.getInstance(doc, out);
        doc.open();
        doc.add(new com.lowagie.text.Paragraph(title));
        doc.add(new com.lowagie.text.Paragraph(body));
        doc.close();
        return out.toByteArray();
    }
}
