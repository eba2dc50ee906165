package io.arbiter.cases;

import io.arbiter.common.Money;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A dispute: the lines it bundles, the track it follows, the stage it is in and the money it is
 * about. The aggregate guards its invariants: events change it only through {@link #apply}, which
 * asks the track's {@link CaseWorkflow} whether the event is allowed in the current stage.
 * Optimistic locking ({@code version}) makes two specialists' concurrent edits collide loudly.
 */
@MappedEntity("dispute_case")
public class DisputeCase {
    @Id @GeneratedValue @Nullable private Long id;
    private String caseNumber;
    private Long practiceId;
    @Nullable private Long payerId;
    private Track track;
    private CaseStage stage;
    private boolean batched;
    @Nullable private String assignee;
    @Nullable private String primaryCode;
    @Nullable private String serviceRegion;
    @Nullable private LocalDate initialPaymentDate;
    private BigDecimal billed;
    private BigDecimal initialPaid;
    private BigDecimal costSharing;
    @Nullable private BigDecimal expected;
    @Nullable private BigDecimal qpa;
    @Nullable private BigDecimal providerOffer;
    @Nullable private BigDecimal payerOffer;
    @Nullable private BigDecimal determination;
    @Nullable private Outcome outcome;
    private BigDecimal paymentsReceived;
    private BigDecimal feesPaid;
    private BigDecimal feeRefundsReceived;
    @Nullable private BigDecimal settlementAmount;
    @Nullable private LocalDate firstPaymentAfterAward;
    @Nullable private LocalDate closedOn;
    @Nullable private LocalDate nextDeadlineDate;
    @Nullable private String nextDeadlineKey;
    @Nullable private String trackReasons;
    @Version @Nullable private Long version;
    @DateCreated @Nullable private LocalDateTime createdAt;
    @DateUpdated @Nullable private LocalDateTime updatedAt;

    public DisputeCase() {
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public void setCaseNumber(String caseNumber) {
        this.caseNumber = caseNumber;
    }

    public Long getPracticeId() {
        return practiceId;
    }

    public void setPracticeId(Long practiceId) {
        this.practiceId = practiceId;
    }

    public Long getPayerId() {
        return payerId;
    }

    public void setPayerId(Long payerId) {
        this.payerId = payerId;
    }

    public Track getTrack() {
        return track;
    }

    public void setTrack(Track track) {
        this.track = track;
    }

    public CaseStage getStage() {
        return stage;
    }

    public void setStage(CaseStage stage) {
        this.stage = stage;
    }

    public boolean isBatched() {
        return batched;
    }

    public void setBatched(boolean batched) {
        this.batched = batched;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getPrimaryCode() {
        return primaryCode;
    }

    public void setPrimaryCode(String primaryCode) {
        this.primaryCode = primaryCode;
    }

    public String getServiceRegion() {
        return serviceRegion;
    }

    public void setServiceRegion(String serviceRegion) {
        this.serviceRegion = serviceRegion;
    }

    public LocalDate getInitialPaymentDate() {
        return initialPaymentDate;
    }

    public void setInitialPaymentDate(LocalDate initialPaymentDate) {
        this.initialPaymentDate = initialPaymentDate;
    }

    public BigDecimal getBilled() {
        return billed;
    }

    public void setBilled(BigDecimal billed) {
        this.billed = billed;
    }

    public BigDecimal getInitialPaid() {
        return initialPaid;
    }

    public void setInitialPaid(BigDecimal initialPaid) {
        this.initialPaid = initialPaid;
    }

    public BigDecimal getCostSharing() {
        return costSharing;
    }

    public void setCostSharing(BigDecimal costSharing) {
        this.costSharing = costSharing;
    }

    public BigDecimal getExpected() {
        return expected;
    }

    public void setExpected(BigDecimal expected) {
        this.expected = expected;
    }

    public BigDecimal getQpa() {
        return qpa;
    }

    public void setQpa(BigDecimal qpa) {
        this.qpa = qpa;
    }

    public BigDecimal getProviderOffer() {
        return providerOffer;
    }

    public void setProviderOffer(BigDecimal providerOffer) {
        this.providerOffer = providerOffer;
    }

    public BigDecimal getPayerOffer() {
        return payerOffer;
    }

    public void setPayerOffer(BigDecimal payerOffer) {
        this.payerOffer = payerOffer;
    }

    public BigDecimal getDetermination() {
        return determination;
    }

    public void setDetermination(BigDecimal determination) {
        this.determination = determination;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public BigDecimal getPaymentsReceived() {
        return paymentsReceived;
    }

    public void setPaymentsReceived(BigDecimal paymentsReceived) {
        this.paymentsReceived = paymentsReceived;
    }

    public BigDecimal getFeesPaid() {
        return feesPaid;
    }

    public void setFeesPaid(BigDecimal feesPaid) {
        this.feesPaid = feesPaid;
    }

    public BigDecimal getFeeRefundsReceived() {
        return feeRefundsReceived;
    }

    public void setFeeRefundsReceived(BigDecimal feeRefundsReceived) {
        this.feeRefundsReceived = feeRefundsReceived;
    }

    public BigDecimal getSettlementAmount() {
        return settlementAmount;
    }

    public void setSettlementAmount(BigDecimal settlementAmount) {
        this.settlementAmount = settlementAmount;
    }

    public LocalDate getFirstPaymentAfterAward() {
        return firstPaymentAfterAward;
    }

    public void setFirstPaymentAfterAward(LocalDate firstPaymentAfterAward) {
        this.firstPaymentAfterAward = firstPaymentAfterAward;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public void setClosedOn(LocalDate closedOn) {
        this.closedOn = closedOn;
    }

    public LocalDate getNextDeadlineDate() {
        return nextDeadlineDate;
    }

    public void setNextDeadlineDate(LocalDate nextDeadlineDate) {
        this.nextDeadlineDate = nextDeadlineDate;
    }

    public String getNextDeadlineKey() {
        return nextDeadlineKey;
    }

    public void setNextDeadlineKey(String nextDeadlineKey) {
        this.nextDeadlineKey = nextDeadlineKey;
    }

    public String getTrackReasons() {
        return trackReasons;
    }

    public void setTrackReasons(String trackReasons) {
        this.trackReasons = trackReasons;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(LocalDateTime createdAt) {
        this.createdAt = createdAt;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(LocalDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    // ---- business behaviour -------------------------------------------------------------

    /**
     * What the payer still owes on the decided amount. The plan's total payment is the decided
     * out-of-network rate minus the patient's cost sharing, counting payments already made:
     * owed = decided − cost sharing − initial payment (42 U.S.C. 300gg-111(a)(1)(C)(iv)(II);
     * federal-idr.md §2.2 row 10). The same arithmetic serves every track's decided amount.
     */
    public BigDecimal owed() {
        return owed(determination, settlementAmount, costSharing, initialPaid);
    }

    /** Owed minus payments received since the decision, never below zero. */
    public BigDecimal outstanding() {
        return outstanding(owed(), paymentsReceived);
    }

    /** {@link #owed()} from the case's columns, for reads that do not load the whole case (the work queue). */
    static BigDecimal owed(@Nullable BigDecimal determination, @Nullable BigDecimal settlementAmount, BigDecimal costSharing,
                           BigDecimal initialPaid) {
        BigDecimal decided = determination != null ? determination : settlementAmount;
        if (decided == null) {
            return Money.ZERO;
        }
        BigDecimal owed = decided.subtract(costSharing).subtract(initialPaid);
        return owed.signum() < 0 ? Money.ZERO : Money.cents(owed);
    }

    static BigDecimal outstanding(BigDecimal owed, BigDecimal paymentsReceived) {
        BigDecimal out = owed.subtract(paymentsReceived);
        return out.signum() < 0 ? Money.ZERO : Money.cents(out);
    }

    /** Fees spent net of refunds received. */
    public BigDecimal netFees() {
        return Money.cents(feesPaid.subtract(feeRefundsReceived));
    }

    public BigDecimal net() {
        return Money.cents(paymentsReceived.subtract(netFees()));
    }

    public boolean open() {
        return stage.open();
    }

    /**
     * Applies one event, guarding the stage machine and the money. Returns the new stage.
     *
     * @throws CaseRuleViolation when the event is not allowed now or its amount is missing/invalid
     */
    public CaseStage apply(CaseWorkflow workflow, CaseEventType type, LocalDate date, @Nullable BigDecimal amount,
                           @Nullable FeeKind feeKind, @Nullable Outcome declaredOutcome) {
        if (workflow.track() != track) {
            throw new IllegalArgumentException("workflow of another track");
        }
        CaseStage next = workflow.next(stage, type).orElseThrow(() -> CaseRuleViolation.notAllowed(this, workflow, type));
        if (amount != null && amount.signum() < 0) {
            throw CaseRuleViolation.invalid("amount", "must not be negative");
        }
        if (amount != null && amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw CaseRuleViolation.invalid("amount", "has more than two decimals");
        }
        switch (type) {
            case INITIAL_PAYMENT_RECEIVED, DENIAL_RECEIVED -> initialPaymentDate = date;
            case QPA_DISCLOSED -> qpa = required(amount);
            case OFFER_SUBMITTED -> providerOffer = required(amount);
            case PAYER_OFFER_RECEIVED -> payerOffer = required(amount);
            case DEMAND_SENT -> providerOffer = required(amount);
            case DETERMINATION_ISSUED, DECISION_ISSUED, MFDR_DECIDED, RECONSIDERATION_DECIDED, APPEAL_DECIDED -> {
                determination = required(amount);
                outcome = declaredOutcome != null ? declaredOutcome : inferOutcome(determination);
            }
            case SETTLED -> {
                settlementAmount = amount;
                outcome = Outcome.SETTLED;
            }
            case WITHDRAWN -> outcome = Outcome.WITHDRAWN;
            case MARKED_INELIGIBLE -> outcome = Outcome.INELIGIBLE;
            case FEE_PAID -> feesPaid = feesPaid.add(required(amount));
            case FEE_REFUND_RECEIVED -> feeRefundsReceived = feeRefundsReceived.add(required(amount));
            case PAYMENT_RECEIVED -> {
                paymentsReceived = paymentsReceived.add(required(amount));
                if (firstPaymentAfterAward == null) {
                    firstPaymentAfterAward = date;
                }
                if ((determination != null || settlementAmount != null) && outstanding().signum() == 0
                        && stage != CaseStage.SETTLED) {
                    next = CaseStage.PAID;
                }
            }
            default -> {
            }
        }
        if (next.terminal() && closedOn == null) {
            closedOn = date;
        }
        stage = next;
        return next;
    }

    /**
     * Baseball arbitration picks one of the two offers: the determination equal to the provider's
     * offer is a win; otherwise a decided amount above what was already allowed counts as a win.
     */
    Outcome inferOutcome(BigDecimal decided) {
        if (providerOffer != null && decided.compareTo(providerOffer) == 0) {
            return Outcome.WON;
        }
        if (payerOffer != null && decided.compareTo(payerOffer) == 0) {
            return Outcome.LOST;
        }
        return decided.compareTo(initialPaid.add(costSharing)) > 0 ? Outcome.WON : Outcome.LOST;
    }

    private static BigDecimal required(@Nullable BigDecimal amount) {
        if (amount == null) {
            throw CaseRuleViolation.invalid("amount", "is required for this event");
        }
        return Money.cents(amount);
    }
}
