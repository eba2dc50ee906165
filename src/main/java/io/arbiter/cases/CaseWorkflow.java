package io.arbiter.cases;

import io.arbiter.rules.Track;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A track's stage machine: which events are allowed in which stages and where they lead.
 * Stages not reachable by an allowed transition cannot be entered; the aggregate asks this
 * table and refuses everything else (409 with the allowed events named).
 */
public final class CaseWorkflow {

    /** {@code to == null} means the event is recorded without changing the stage. */
    record Transition(Set<CaseStage> from, CaseStage to) {
    }

    private final Track track;
    private final List<CaseStage> mainPath;
    private final Set<CaseStage> awardStages;
    private final Map<CaseEventType, List<Transition>> transitions = new EnumMap<>(CaseEventType.class);

    private CaseWorkflow(Track track, List<CaseStage> mainPath, Set<CaseStage> awardStages) {
        this.track = track;
        this.mainPath = mainPath;
        this.awardStages = awardStages;
    }

    public Track track() {
        return track;
    }

    /** The stages of a case that runs its course, in order (for the timeline). */
    public List<CaseStage> mainPath() {
        return mainPath;
    }

    /** Stages in which a decided amount is owed and payments are awaited. */
    public Set<CaseStage> awardStages() {
        return awardStages;
    }

    public boolean allows(CaseStage stage, CaseEventType event) {
        return transition(stage, event).isPresent();
    }

    private Optional<Transition> transition(CaseStage stage, CaseEventType event) {
        return transitions.getOrDefault(event, List.of()).stream().filter(t -> t.from().contains(stage)).findFirst();
    }

    /** The stage after the event, or empty when the event is not allowed in this stage. */
    public Optional<CaseStage> next(CaseStage stage, CaseEventType event) {
        return transition(stage, event).map(t -> t.to() == null ? stage : t.to());
    }

    /** Events a user may record in this stage (system events excluded). */
    public List<CaseEventType> allowedEvents(CaseStage stage) {
        List<CaseEventType> out = new ArrayList<>();
        transitions.forEach((event, list) -> {
            if (list.stream().anyMatch(t -> t.from().contains(stage)) && event != CaseEventType.PAYMENT_OVERDUE) {
                out.add(event);
            }
        });
        return out;
    }

    private CaseWorkflow on(CaseEventType event, Set<CaseStage> from, CaseStage to) {
        transitions.computeIfAbsent(event, e -> new ArrayList<>()).add(new Transition(EnumSet.copyOf(from), to));
        return this;
    }

    private CaseWorkflow common(Set<CaseStage> working) {
        Set<CaseStage> notTerminal = EnumSet.noneOf(CaseStage.class);
        for (CaseStage s : CaseStage.values()) {
            if (!s.terminal()) {
                notTerminal.add(s);
            }
        }
        Set<CaseStage> payable = EnumSet.copyOf(awardStages);
        payable.add(CaseStage.PAYMENT_OVERDUE);
        payable.add(CaseStage.SETTLED);
        payable.add(CaseStage.PAID);
        Set<CaseStage> exitable = EnumSet.copyOf(working);
        exitable.add(CaseStage.DRAFT);
        return on(CaseEventType.NOTE, notTerminal, null)
                .on(CaseEventType.DOCUMENT_ADDED, notTerminal, null)
                .on(CaseEventType.FEE_PAID, notTerminal, null)
                .on(CaseEventType.FEE_REFUND_RECEIVED, notTerminal, null)
                .on(CaseEventType.QPA_DISCLOSED, notTerminal, null)
                // PAYMENT_RECEIVED may move an award to PAID; the aggregate decides from the money.
                .on(CaseEventType.PAYMENT_RECEIVED, payable, null)
                .on(CaseEventType.PAYMENT_OVERDUE, awardStages, CaseStage.PAYMENT_OVERDUE)
                .on(CaseEventType.SETTLED, exitable, CaseStage.SETTLED)
                .on(CaseEventType.WITHDRAWN, exitable, CaseStage.WITHDRAWN)
                .on(CaseEventType.MARKED_INELIGIBLE, exitable, CaseStage.INELIGIBLE)
                .on(CaseEventType.CLOSED, EnumSet.of(CaseStage.PAID, CaseStage.SETTLED, CaseStage.PAYMENT_OVERDUE,
                        CaseStage.DETERMINED, CaseStage.DECIDED, CaseStage.MFDR_DECIDED, CaseStage.APPEAL_DECIDED,
                        CaseStage.RECONSIDERATION_DECIDED), CaseStage.CLOSED);
    }

    public static CaseWorkflow forTrack(Track track) {
        return switch (track) {
            case FEDERAL_IDR -> federalIdr();
            case TEXAS_ARBITRATION -> texasArbitration();
            case TEXAS_PIP -> texasPip();
            case WORKERS_COMP -> workersComp();
            case COMMERCIAL_APPEAL -> commercialAppeal();
            case NOT_DISPUTABLE -> throw new IllegalArgumentException("No workflow for a track that is not disputable");
        };
    }

    /** 42 U.S.C. 300gg-111(c); 45 CFR 149.510 (federal-idr.md §2.2). */
    static CaseWorkflow federalIdr() {
        var w = new CaseWorkflow(Track.FEDERAL_IDR, List.of(CaseStage.DRAFT, CaseStage.OPEN_NEGOTIATION,
                CaseStage.READY_TO_INITIATE, CaseStage.IDR_INITIATED, CaseStage.IDRE_SELECTED, CaseStage.OFFERS_SUBMITTED,
                CaseStage.DETERMINED, CaseStage.PAID, CaseStage.CLOSED), EnumSet.of(CaseStage.DETERMINED));
        var negotiating = EnumSet.of(CaseStage.OPEN_NEGOTIATION, CaseStage.READY_TO_INITIATE, CaseStage.IDR_INITIATED,
                CaseStage.IDRE_SELECTED, CaseStage.OFFERS_SUBMITTED);
        return w.on(CaseEventType.INITIAL_PAYMENT_RECEIVED, EnumSet.of(CaseStage.DRAFT), null)
                .on(CaseEventType.OPEN_NEGOTIATION_STARTED, EnumSet.of(CaseStage.DRAFT), CaseStage.OPEN_NEGOTIATION)
                .on(CaseEventType.OPEN_NEGOTIATION_ENDED, EnumSet.of(CaseStage.OPEN_NEGOTIATION), CaseStage.READY_TO_INITIATE)
                .on(CaseEventType.IDR_INITIATED, EnumSet.of(CaseStage.OPEN_NEGOTIATION, CaseStage.READY_TO_INITIATE), CaseStage.IDR_INITIATED)
                .on(CaseEventType.IDRE_SELECTED, EnumSet.of(CaseStage.IDR_INITIATED), CaseStage.IDRE_SELECTED)
                .on(CaseEventType.OFFER_SUBMITTED, EnumSet.of(CaseStage.IDRE_SELECTED), CaseStage.OFFERS_SUBMITTED)
                // the offer made in open negotiation (Open Negotiation Notice) and revisions before IDRE selection
                .on(CaseEventType.OFFER_SUBMITTED, EnumSet.of(CaseStage.OPEN_NEGOTIATION, CaseStage.READY_TO_INITIATE,
                        CaseStage.IDR_INITIATED), null)
                .on(CaseEventType.PAYER_OFFER_RECEIVED, negotiating, null)
                .on(CaseEventType.DETERMINATION_ISSUED, EnumSet.of(CaseStage.IDRE_SELECTED, CaseStage.OFFERS_SUBMITTED), CaseStage.DETERMINED)
                .common(negotiating);
    }

    /** Tex. Ins. Code ch. 1467; 28 TAC §21.5020 ff. (texas-and-workers-comp.md §1.3). */
    static CaseWorkflow texasArbitration() {
        var w = new CaseWorkflow(Track.TEXAS_ARBITRATION, List.of(CaseStage.DRAFT, CaseStage.ARBITRATION_REQUESTED,
                CaseStage.ARBITRATOR_SELECTED, CaseStage.DECIDED, CaseStage.PAID, CaseStage.CLOSED), EnumSet.of(CaseStage.DECIDED));
        var working = EnumSet.of(CaseStage.ARBITRATION_REQUESTED, CaseStage.ARBITRATOR_SELECTED);
        return w.on(CaseEventType.INITIAL_PAYMENT_RECEIVED, EnumSet.of(CaseStage.DRAFT), null)
                .on(CaseEventType.ARBITRATION_REQUESTED, EnumSet.of(CaseStage.DRAFT), CaseStage.ARBITRATION_REQUESTED)
                .on(CaseEventType.ARBITRATOR_SELECTED, EnumSet.of(CaseStage.ARBITRATION_REQUESTED), CaseStage.ARBITRATOR_SELECTED)
                .on(CaseEventType.OFFER_SUBMITTED, working, null)
                .on(CaseEventType.PAYER_OFFER_RECEIVED, working, null)
                .on(CaseEventType.DECISION_ISSUED, working, CaseStage.DECIDED)
                .common(working);
    }

    /** Tex. Ins. Code §1952.157 (texas-and-workers-comp.md §2.3). */
    static CaseWorkflow texasPip() {
        var w = new CaseWorkflow(Track.TEXAS_PIP, List.of(CaseStage.DRAFT, CaseStage.PROOF_OF_CLAIM_SENT,
                CaseStage.DEMAND_SENT, CaseStage.PAID, CaseStage.CLOSED),
                EnumSet.of(CaseStage.PROOF_OF_CLAIM_SENT, CaseStage.DEMAND_SENT));
        var working = EnumSet.of(CaseStage.PROOF_OF_CLAIM_SENT, CaseStage.DEMAND_SENT);
        return w.on(CaseEventType.PROOF_OF_CLAIM_RECEIVED, EnumSet.of(CaseStage.DRAFT), CaseStage.PROOF_OF_CLAIM_SENT)
                .on(CaseEventType.DEMAND_SENT, EnumSet.of(CaseStage.PROOF_OF_CLAIM_SENT), CaseStage.DEMAND_SENT)
                .on(CaseEventType.PAYER_OFFER_RECEIVED, working, null)
                .common(working);
    }

    /** Tex. Labor Code §408.027; 28 TAC §§133.240, 133.250, 133.307 (texas-and-workers-comp.md §3.3). */
    static CaseWorkflow workersComp() {
        var w = new CaseWorkflow(Track.WORKERS_COMP, List.of(CaseStage.DRAFT, CaseStage.BILLED_TO_CARRIER,
                CaseStage.RECONSIDERATION_REQUESTED, CaseStage.RECONSIDERATION_DECIDED, CaseStage.MFDR_FILED,
                CaseStage.MFDR_DECIDED, CaseStage.PAID, CaseStage.CLOSED),
                EnumSet.of(CaseStage.RECONSIDERATION_DECIDED, CaseStage.MFDR_DECIDED));
        var working = EnumSet.of(CaseStage.BILLED_TO_CARRIER, CaseStage.RECONSIDERATION_REQUESTED,
                CaseStage.RECONSIDERATION_DECIDED, CaseStage.MFDR_FILED);
        return w.on(CaseEventType.BILL_RECEIVED_BY_CARRIER, EnumSet.of(CaseStage.DRAFT), CaseStage.BILLED_TO_CARRIER)
                .on(CaseEventType.CARRIER_ACTION_RECEIVED, EnumSet.of(CaseStage.BILLED_TO_CARRIER), null)
                .on(CaseEventType.RECONSIDERATION_REQUESTED, EnumSet.of(CaseStage.BILLED_TO_CARRIER), CaseStage.RECONSIDERATION_REQUESTED)
                .on(CaseEventType.RECONSIDERATION_DECIDED, EnumSet.of(CaseStage.RECONSIDERATION_REQUESTED), CaseStage.RECONSIDERATION_DECIDED)
                .on(CaseEventType.MFDR_FILED, EnumSet.of(CaseStage.RECONSIDERATION_REQUESTED, CaseStage.RECONSIDERATION_DECIDED), CaseStage.MFDR_FILED)
                .on(CaseEventType.MFDR_DECIDED, EnumSet.of(CaseStage.MFDR_FILED), CaseStage.MFDR_DECIDED)
                .common(working);
    }

    /** ERISA claims procedure, 29 CFR 2560.503-1 (pain-coding-and-denials.md §7). */
    static CaseWorkflow commercialAppeal() {
        var w = new CaseWorkflow(Track.COMMERCIAL_APPEAL, List.of(CaseStage.DRAFT, CaseStage.APPEAL_SUBMITTED,
                CaseStage.APPEAL_DECIDED, CaseStage.PAID, CaseStage.CLOSED), EnumSet.of(CaseStage.APPEAL_DECIDED));
        return w.on(CaseEventType.DENIAL_RECEIVED, EnumSet.of(CaseStage.DRAFT), null)
                // a decided appeal may go to the next level
                .on(CaseEventType.APPEAL_SUBMITTED, EnumSet.of(CaseStage.DRAFT, CaseStage.APPEAL_DECIDED), CaseStage.APPEAL_SUBMITTED)
                .on(CaseEventType.APPEAL_DECIDED, EnumSet.of(CaseStage.APPEAL_SUBMITTED), CaseStage.APPEAL_DECIDED)
                .common(EnumSet.of(CaseStage.APPEAL_SUBMITTED));
    }
}
