package io.arbiter.claims;

import io.arbiter.common.ApiException;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Plan;
import io.arbiter.practice.Plans;
import io.micronaut.data.model.Pageable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Assembles the claim read model: lines, adjustments, remark codes, NSA indicators and the remittance ledger. */
@Singleton
public class ClaimReader {

    private final ClaimRepository claims;
    private final ClaimLineRepository lines;
    private final CurrentRemittanceDetail detail;
    private final Payers payers;
    private final Plans plans;
    private final RemittanceRepository remittances;
    private final ClaimIntakeWarningRepository intakeWarnings;
    private final Claims search;

    public ClaimReader(ClaimRepository claims, ClaimLineRepository lines, CurrentRemittanceDetail detail,
                       Payers payers, Plans plans, RemittanceRepository remittances,
                       ClaimIntakeWarningRepository intakeWarnings, Claims search) {
        this.search = search;
        this.remittances = remittances;
        this.intakeWarnings = intakeWarnings;
        this.claims = claims;
        this.lines = lines;
        this.detail = detail;
        this.payers = payers;
        this.plans = plans;
    }

    @Transactional(readOnly = true)
    public io.arbiter.common.Page<ClaimView.Summary> search(String pcn, String ccn, String payer, String status,
                                                            io.arbiter.security.PracticeAccess access, Pageable pageable) {
        var page = search.search(blankToNull(pcn), blankToNull(ccn), blankToNull(payer), blankToNull(status), access, pageable);
        Map<Long, String> payerNames = payers.namesOf(page.getContent().stream().map(Claim::payerId).toList());
        return io.arbiter.common.Page.of(page, c -> new ClaimView.Summary(c.id(), c.patientControlNumber(),
                c.payerClaimControlNumber(), c.payerId() == null ? null : payerNames.get(c.payerId()),
                c.serviceDateFrom(), c.placeOfService(), c.totalCharge(), c.totalPaid(), c.claimStatusCode()));
    }

    @Transactional(readOnly = true)
    public ClaimView read(Long id) {
        Claim c = claims.findById(id).orElseThrow(() -> ApiException.notFound("Claim " + id));
        List<ClaimLine> claimLines = lines.findByClaimIdOrderByLineNumber(id);
        CurrentRemittanceDetail.Detail current = detail.of(id);
        List<Adjustment> adjs = current.adjustments();
        List<RemarkCode> rarcs = current.remarkCodes();
        Payer payer = c.payerId() == null ? null : payers.findById(c.payerId()).orElse(null);
        Plan plan = c.planId() == null ? null : plans.findById(c.planId()).orElse(null);

        List<ClaimView.Line> lineViews = claimLines.stream().map(l -> new ClaimView.Line(l.id(), l.lineNumber(),
                l.procedureCode(), l.modifiers(), l.units(), l.charge(), l.allowed(), l.paid(), l.serviceDate(),
                adjs.stream().filter(a -> Objects.equals(a.claimLineId(), l.id())).map(ClaimReader::view).toList(),
                rarcs.stream().filter(r -> Objects.equals(r.claimLineId(), l.id())).map(RemarkCode::code).distinct().toList()))
                .toList();
        List<String> claimRemarks = rarcs.stream().filter(r -> r.claimLineId() == null).map(RemarkCode::code).distinct().toList();
        List<String> nsa = rarcs.stream().map(RemarkCode::code).filter(NsaRemarkCodes::isNsa)
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        List<String> dx = c.diagnosisCodes() == null || c.diagnosisCodes().isBlank() ? List.of()
                : Arrays.stream(c.diagnosisCodes().split(",")).map(String::trim).toList();
        return new ClaimView(c.id(), c.patientControlNumber(), c.payerClaimControlNumber(),
                payer == null ? null : new ClaimView.PayerRef(payer.name(), payer.payerCode()),
                plan == null ? null : plan.planType().name(), c.placeOfService(), c.serviceDateFrom(), c.renderingNpi(),
                c.billingNpi(), c.serviceZip(), c.totalCharge(), c.totalPaid(), c.patientResponsibility(),
                c.claimStatusCode(), claimRemarks, lineViews, new ClaimView.Nsa(nsa, c.qpa()), c.paymentDate(), dx,
                c.facilityName(), c.facilityNetworkStatus(),
                adjs.stream().filter(a -> a.claimLineId() == null).map(ClaimReader::view).toList(), ledger(id),
                intakeWarnings.findByClaimIdOrderById(id).stream().map(w -> new ClaimView.IntakeWarningView(w.importId(), w.kind(),
                        w.location(), w.message(), w.stated(), w.computed())).toList());
    }

    /** The claim's remittance history, cancelled remittances included. */
    @Transactional(readOnly = true)
    public RemittanceLedger ledger(Long claimId) {
        return RemittanceLedger.of(remittances.findByClaimIdOrderById(claimId));
    }

    private static ClaimView.AdjustmentView view(Adjustment a) {
        return new ClaimView.AdjustmentView(a.groupCode(), a.reasonCode(), a.amount());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
