package io.arbiter.packets;

import io.arbiter.cases.CaseDeadline;
import io.arbiter.cases.CaseTerms;
import io.arbiter.cases.FeeKind;
import io.arbiter.cases.CaseView;
import io.arbiter.cases.LineTerms;
import io.arbiter.cases.CaseFile;
import io.arbiter.cases.CaseFiles;
import io.arbiter.cases.CaseDocument;
import io.arbiter.cases.CaseEvent;
import io.arbiter.cases.CaseEventType;
import io.arbiter.cases.CaseLine;
import io.arbiter.cases.DisputeCase;
import io.arbiter.cases.Outcome;
import io.arbiter.claims.Adjustment;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.claims.CurrentRemittanceDetail;
import io.arbiter.claims.RemarkCode;
import io.arbiter.claims.Remittance;
import io.arbiter.claims.Remittances;
import io.arbiter.common.Citation;
import io.arbiter.packets.model.PacketContext;
import io.arbiter.practice.Patient;
import io.arbiter.practice.Patients;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Plan;
import io.arbiter.practice.Plans;
import io.arbiter.practice.Practice;
import io.arbiter.practice.Practices;
import io.arbiter.practice.Provider;
import io.arbiter.practice.Providers;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Maps a case onto the packet model: claims, lines, events, deadlines and documents from the case book;
 * what no remittance carries (contact person, offer-brief arguments, per-line offers...) from packet
 * details; benchmarks and code descriptions from {@link LinePricing} when pricing is available.
 */
@Singleton
public class PacketContextFactory {

    /** Packet facts that are entered (practice, payer or case scope) rather than derived. */
    public static final Set<String> DETAIL_KEYS = Set.of(
            "practice.contactName", "practice.contactTitle", "practice.email", "practice.phone",
            "payer.address.line1", "payer.address.city", "payer.address.state", "payer.address.zip",
            "payer.email", "payer.phone", "payer.policyNumber",
            "patient.dateOfInjury", "patient.employerName",
            "claim.serviceType", "claim.facilityName", "claim.placeOfService", "claim.serviceState",
            "idr.disputeNumber", "idr.preferredIdre", "idr.selectedIdre",
            "arguments.serviceDescription", "arguments.complexity", "arguments.trainingAndExperience",
            "arguments.marketShare", "arguments.priorContractedRates", "arguments.codingJustification",
            "arguments.goodFaithContracting", "arguments.patientCharacteristics", "arguments.benchmarkSource",
            "arguments.benchmarkHistory", "arguments.billedChargeComparison", "arguments.usualCharges",
            "denial.payerRequested", "denial.denialReason");

    /** Pricing facts per line, supplied by the pricing capability. */
    public interface LinePricing {
        @Nullable String description(String code);

        @Nullable BigDecimal benchmark(Long practiceId, String code, @Nullable String modifier, @Nullable String geozip,
                                       LocalDate dateOfService, String kind, int percentile);

        /** Workers' comp MAR and its printable computation, when a fee schedule prices the line. */
        @Nullable Mar mar(Long claimLineId);

        /** The evidence a denial's playbook asks for, and what the payer asked for. */
        @Nullable Playbook playbook(String carc, @Nullable String rarc);

        record Mar(BigDecimal amount, String computation) {
        }

        record Playbook(String reason, String payerRequested, List<String> evidence, @Nullable Citation citation) {
        }
    }

    /**
     * The tracked evidence checklist of the denial on a claim line (supplied by io.arbiter.denials): when present,
     * it decides which playbook items are attached (to which exhibit) and which are required.
     */
    public interface EvidenceChecklist {
        Optional<List<ChecklistItem>> forLine(Long claimLineId);

        record ChecklistItem(String description, boolean required, boolean attached, @Nullable String exhibitTitle) {
        }
    }

    private final CaseFiles caseFiles;
    private final Claims claims;
    private final ClaimLines claimLines;
    private final CurrentRemittanceDetail detail;
    private final Practices practices;
    private final Payers payers;
    private final Plans plans;
    private final Patients patients;
    private final Providers providers;
    private final PacketDetails details;
    private final List<LinePricing> pricing;
    private final List<EvidenceChecklist> checklists;
    private final Remittances remittances;
    private final PacketRules rules;
    private final Clock clock;

    public PacketContextFactory(CaseFiles caseFiles, Claims claims, ClaimLines claimLines,
                                CurrentRemittanceDetail detail, Practices practices,
                                Payers payers, Plans plans, Patients patients,
                                Providers providers, PacketDetails details, List<LinePricing> pricing,
                                List<EvidenceChecklist> checklists, Remittances remittances, PacketRules rules,
                                Clock clock) {
        this.caseFiles = caseFiles;
        this.claims = claims;
        this.claimLines = claimLines;
        this.detail = detail;
        this.practices = practices;
        this.payers = payers;
        this.plans = plans;
        this.patients = patients;
        this.providers = providers;
        this.details = details;
        this.pricing = pricing;
        this.checklists = checklists;
        this.remittances = remittances;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PacketContext build(DisputeCase c) {
        Map<String, String> d = details.forCase(c.getPracticeId(), c.getPayerId(), c.getId());
        CaseFile file = caseFiles.of(c);
        List<CaseLine> lines = file.lines();
        Map<Long, LineTerms> lineTerms = file.terms();
        List<Long> claimIds = lines.stream().map(CaseLine::claimId).distinct().toList();
        Map<Long, Claim> claimById = claims.findByIdIn(claimIds).stream().collect(Collectors.toMap(Claim::id, x -> x));
        Claim first = claimById.values().stream().min(Comparator.comparing(Claim::serviceDateFrom, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElseThrow();
        Map<Long, ClaimLine> claimLineById = claimLines.findByIdIn(lines.stream().map(CaseLine::claimLineId).toList()).stream()
                .collect(Collectors.toMap(ClaimLine::id, x -> x));
        CurrentRemittanceDetail.Detail current = detail.of(claimIds);
        List<Adjustment> adjs = current.adjustments();
        List<RemarkCode> rarcs = current.remarkCodes();
        List<CaseEvent> history = file.events();
        LinePricing lp = pricing.isEmpty() ? null : pricing.get(0);

        Practice practice = practices.findById(c.getPracticeId()).orElseThrow();
        Provider rendering = first.renderingNpi() == null ? null : providers.findByRenderingNpi(first.renderingNpi()).orElse(null);
        var practiceCtx = new PacketContext.Practice(practice.name(), practice.tin(), practice.billingNpi(),
                practice.addressLine() == null ? null : new PacketContext.Address(practice.addressLine(), practice.city(), practice.state(), practice.zip()),
                d.getOrDefault("practice.phone", practice.phone()), d.get("practice.email"), d.get("practice.contactName"),
                d.get("practice.contactTitle"), practice.batesPrefix(),
                rendering == null ? null : rendering.name(), first.renderingNpi());

        Payer payer = c.getPayerId() == null ? null : payers.findById(c.getPayerId()).orElse(null);
        Plan plan = first.planId() == null ? null : plans.findById(first.planId()).orElse(null);
        PacketContext.Address payerAddress = d.containsKey("payer.address.line1")
                ? new PacketContext.Address(d.get("payer.address.line1"), d.get("payer.address.city"), d.get("payer.address.state"),
                d.get("payer.address.zip")) : null;
        var payerCtx = new PacketContext.Payer(payer == null ? "(unknown payer)" : payer.name(), payer == null ? null : payer.legalEntity(),
                payerAddress, d.get("payer.email"), d.get("payer.phone"), plan == null ? null : plan.name(),
                plan == null ? null : plan.planType().name(), d.get("payer.policyNumber"));

        Patient patient = first.patientId() == null ? null : patients.findById(first.patientId()).orElse(null);
        var patientCtx = new PacketContext.Patient(patient == null ? "(patient not on file)"
                : (patient.firstName() == null ? "" : patient.firstName() + " ") + patient.lastName(),
                patient == null ? null : patient.birthDate(), patient == null ? null : patient.memberId(),
                date(d.get("patient.dateOfInjury")), d.get("patient.employerName"));

        LocalDate lastDos = claimById.values().stream().map(cl -> cl.serviceDateTo() != null ? cl.serviceDateTo() : cl.serviceDateFrom())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        List<String> dx = claimById.values().stream().flatMap(cl -> cl.diagnosisCodes() == null ? Stream.<String>empty()
                : Arrays.stream(cl.diagnosisCodes().split(",")).map(String::trim).filter(s -> !s.isEmpty()))
                .collect(Collectors.toCollection(LinkedHashSet::new)).stream().toList();
        var claimCtx = new PacketContext.Claim(first.patientControlNumber(),
                claimById.size() == 1 ? first.payerClaimControlNumber()
                        : claimById.values().stream().map(Claim::payerClaimControlNumber).filter(Objects::nonNull).collect(Collectors.joining(", ")),
                // An 835 does not say where the service was furnished: the 837P's values win, else what the case was given.
                first.serviceDateFrom(), lastDos, orElse(first.placeOfService(), d.get("claim.placeOfService")),
                orElse(first.facilityName(), d.get("claim.facilityName")), orElse(first.serviceState(), d.get("claim.serviceState")),
                first.geozip(), dx,
                d.getOrDefault("claim.serviceType", serviceType(first)));

        boolean single = lines.size() == 1;
        List<PacketContext.PacketLine> packetLines = new ArrayList<>();
        BigDecimal dispute = BigDecimal.ZERO;
        boolean allDispute = true;
        for (CaseLine l : lines) {
            ClaimLine cl = claimLineById.get(l.claimLineId());
            Claim claim = claimById.get(l.claimId());
            LineTerms t = lineTerms.getOrDefault(l.id(), LineTerms.NONE);
            String modifier = cl == null || cl.modifiers().isEmpty() ? null : cl.modifiers().get(0);
            LocalDate dos = l.serviceDate() != null ? l.serviceDate() : claim.serviceDateFrom();
            BigDecimal qpa = CaseTerms.lineQpa(t, single, c.getQpa());
            BigDecimal offer = CaseTerms.lineOffer(t, single, c.getProviderOffer());
            LinePricing.Mar mar = lp == null ? null : lp.mar(l.claimLineId());
            BigDecimal marAmount = t.mar() != null ? t.mar() : mar == null ? null : mar.amount();
            BigDecimal amountInDispute = t.amountInDispute() != null ? t.amountInDispute() : inDispute(c.getTrack(), l, marAmount);
            if (amountInDispute == null) {
                allDispute = false;
            } else {
                dispute = dispute.add(amountInDispute);
            }
            packetLines.add(new PacketContext.PacketLine(dos, l.procedureCode(), cl == null ? List.of() : cl.modifiers(),
                    t.units() != null ? t.units() : cl == null ? 1 : cl.units().intValue(),
                    t.description() != null ? t.description() : lp == null ? null : lp.description(l.procedureCode()),
                    l.billed(), l.allowed(), l.paid(), qpa, offer, l.expected(),
                    lp == null ? null : lp.benchmark(c.getPracticeId(), l.procedureCode(), modifier, claim.geozip(), dos, "BILLED", 80),
                    lp == null ? null : lp.benchmark(c.getPracticeId(), l.procedureCode(), modifier, claim.geozip(), dos, "ALLOWED", 50),
                    marAmount, t.marComputation() != null ? t.marComputation() : mar == null ? null : mar.computation(), amountInDispute,
                    adjs.stream().filter(a -> Objects.equals(a.claimLineId(), l.claimLineId())).map(a -> a.groupCode() + "-" + a.reasonCode()).distinct().toList(),
                    rarcs.stream().filter(r -> Objects.equals(r.claimLineId(), l.claimLineId())).map(RemarkCode::code).distinct().toList()));
        }

        BigDecimal adminFees = fees(history, FeeKind.ADMIN);
        BigDecimal idreFees = fees(history, FeeKind.IDRE);
        BigDecimal refundDue = c.getTrack() == Track.FEDERAL_IDR && c.getOutcome() == Outcome.WON ? idreFees : null;
        var money = new PacketContext.MoneySummary(c.getBilled(), c.getInitialPaid(), c.getCostSharing(), c.getQpa(),
                c.getProviderOffer(), c.getPayerOffer(), c.getDetermination(), allDispute ? dispute : null,
                adminFees.signum() == 0 ? null : adminFees, idreFees.signum() == 0 ? null : idreFees, refundDue,
                c.getFeeRefundsReceived().signum() == 0 ? null : c.getFeeRefundsReceived());

        List<PacketContext.Deadline> dls = file.deadlines().stream()
                .map(x -> new PacketContext.Deadline(x.key(), label(x.key()), x.dueDate(), citation(x))).toList();
        LocalDate feesPaid = history.stream().filter(e -> e.type() == CaseEventType.FEE_PAID).map(CaseEvent::eventDate)
                .max(Comparator.naturalOrder()).orElse(null);
        var dates = new PacketContext.KeyDates(c.getInitialPaymentDate(), on(history, CaseEventType.OPEN_NEGOTIATION_STARTED),
                on(history, CaseEventType.IDR_INITIATED), on(history, CaseEventType.IDRE_SELECTED),
                on(history, CaseEventType.DETERMINATION_ISSUED), feesPaid, on(history, CaseEventType.PROOF_OF_CLAIM_RECEIVED),
                on(history, CaseEventType.BILL_RECEIVED_BY_CARRIER), on(history, CaseEventType.CARRIER_ACTION_RECEIVED),
                c.getTrack() == Track.COMMERCIAL_APPEAL ? c.getInitialPaymentDate() : on(history, CaseEventType.DENIAL_RECEIVED), dls);

        PacketContext.IdrDetails idr = c.getTrack() != Track.FEDERAL_IDR ? null : new PacketContext.IdrDetails(
                d.get("idr.disputeNumber"), d.get("idr.preferredIdre"), d.get("idr.selectedIdre"),
                stateLawOrApm(file), c.isBatched(),
                c.getOutcome() == Outcome.WON ? "PROVIDER" : c.getOutcome() == Outcome.LOST ? "PAYER" : null);
        var arguments = new PacketContext.OfferArguments(d.get("arguments.serviceDescription"), d.get("arguments.complexity"),
                d.get("arguments.trainingAndExperience"), d.get("arguments.marketShare"), d.get("arguments.priorContractedRates"),
                d.get("arguments.codingJustification"), d.get("arguments.goodFaithContracting"), d.get("arguments.patientCharacteristics"),
                d.get("arguments.benchmarkSource"), d.get("arguments.benchmarkHistory"),
                d.get("arguments.billedChargeComparison"), d.get("arguments.usualCharges"));

        List<CaseDocument> docs = file.documents();
        // The 835 excerpt of each claim comes first, then the case's documents: every packet type carries the
        // payer's own adjudication as an exhibit, Bates-numbered and bookmarked like the rest.
        List<PacketContext.Exhibit> exhibits = new ArrayList<>(remittanceExhibits(claimById.values(), adjs, rarcs, payerCtx.name(),
                c.getTrack() == Track.FEDERAL_IDR));
        docs.stream()
                .filter(doc -> Set.of("application/pdf", "image/png", "image/jpeg").contains(doc.contentType()))
                .map(doc -> new PacketContext.Exhibit(doc.title(), doc.contentType(), doc.content()))
                .forEach(exhibits::add);
        PacketContext.DenialPlaybook denial = denial(adjs, rarcs, lines, lp, d, exhibits);

        return new PacketContext(c.getCaseNumber(), PacketContext.Track.valueOf(c.getTrack().name()), LocalDate.now(clock),
                practiceCtx, payerCtx, patientCtx, claimCtx, packetLines, money, dates, idr, arguments, denial, exhibits);
    }

    /**
     * One "Remittance advice (835) excerpt" exhibit per claim that has a remittance, in date-of-service order: the
     * payments as received (CLP) and every line of the claim with its CAS adjustments and RARCs. On a federal IDR
     * case the excerpt leaves out billed charges: every packet of the case may go before the IDR entity, which may
     * not consider them (45 CFR 149.510(c)(4)(v)).
     */
    private List<PacketContext.Exhibit> remittanceExhibits(java.util.Collection<Claim> claimsOfCase, List<Adjustment> adjs,
                                                           List<RemarkCode> rarcs, String payerName, boolean omitCharges) {
        List<Claim> ordered = claimsOfCase.stream().sorted(Comparator.comparing(Claim::serviceDateFrom,
                Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Claim::id)).toList();
        List<PacketContext.Exhibit> out = new ArrayList<>();
        Map<Long, List<ClaimLine>> linesByClaim = null;
        for (Claim claim : ordered) {
            List<Remittance> remits = remittances.findByClaimIdOrderById(claim.id());
            if (remits.isEmpty()) {
                continue;
            }
            if (linesByClaim == null) {
                linesByClaim = claimLines.findByClaimIdInOrderByClaimIdAndLineNumber(ordered.stream().map(Claim::id).toList()).stream()
                        .collect(Collectors.groupingBy(ClaimLine::claimId));
            }
            List<RemittanceExcerpt.Payment> payments = remits.stream().map(r -> new RemittanceExcerpt.Payment(
                    r.payerClaimControlNumber(), r.patientControlNumber(), r.claimStatusCode(), rules.claimStatusLabel(r.claimStatusCode()),
                    r.paymentDate(), r.paymentTrace(), r.totalCharge(), r.totalPaid(), r.patientResponsibility(), r.reversal())).toList();
            List<RemittanceExcerpt.Line> lines = linesByClaim.getOrDefault(claim.id(), List.of()).stream()
                    .map(l -> new RemittanceExcerpt.Line(l.serviceDate() != null ? l.serviceDate() : claim.serviceDateFrom(),
                            l.procedureCode(), l.modifiers(), l.units(), l.charge(), l.allowed(), l.paid(),
                            adjs.stream().filter(a -> Objects.equals(a.claimLineId(), l.id())).map(PacketContextFactory::excerptAdjustment).toList(),
                            rarcs.stream().filter(r -> Objects.equals(r.claimLineId(), l.id())).map(RemarkCode::code).distinct().toList()))
                    .toList();
            Patient patient = claim.patientId() == null ? null : patients.findById(claim.patientId()).orElse(null);
            var excerpt = new RemittanceExcerpt.Claim(payerName, patient == null ? "(patient not on file)"
                    : (patient.firstName() == null ? "" : patient.firstName() + " ") + patient.lastName(),
                    claim.payerClaimControlNumber(), claim.patientControlNumber(), payments, lines,
                    adjs.stream().filter(a -> a.claimLineId() == null && Objects.equals(a.claimId(), claim.id()))
                            .map(PacketContextFactory::excerptAdjustment).toList(),
                    rarcs.stream().filter(r -> r.claimLineId() == null && Objects.equals(r.claimId(), claim.id()))
                            .map(RemarkCode::code).distinct().toList());
            out.add(new PacketContext.Exhibit(RemittanceExcerpt.title(excerpt), "application/pdf", RemittanceExcerpt.pdf(excerpt, omitCharges),
                    "835 excerpt " + excerpt + (omitCharges ? ", charges omitted" : "")));
        }
        return out;
    }

    private static RemittanceExcerpt.Adjustment excerptAdjustment(Adjustment a) {
        return new RemittanceExcerpt.Adjustment(a.groupCode(), a.reasonCode(), a.amount());
    }

    /** The NSA category of the claim, from where the service was furnished. */
    static @Nullable String serviceType(Claim c) {
        if (c.emergency()) {
            return "Emergency services";
        }
        if ("IN_NETWORK".equals(c.facilityNetworkStatus())) {
            return "Non-emergency services by a nonparticipating provider at a participating facility";
        }
        return null;
    }

    private @Nullable Boolean stateLawOrApm(CaseFile file) {
        for (CaseView.Gate g : file.gates()) {
            if (g.name().toUpperCase().contains("STATE_LAW")) {
                return switch (g.status()) {
                    case PASS -> Boolean.FALSE;
                    case FAIL -> Boolean.TRUE;
                    case UNKNOWN -> null;
                };
            }
        }
        return null;
    }

    private @Nullable PacketContext.DenialPlaybook denial(List<Adjustment> adjs, List<RemarkCode> rarcs, List<CaseLine> lines,
                                                         @Nullable LinePricing lp, Map<String, String> d,
                                                         List<PacketContext.Exhibit> exhibits) {
        Set<Long> lineIds = lines.stream().map(CaseLine::claimLineId).collect(Collectors.toSet());
        Adjustment denialAdj = adjs.stream().filter(a -> a.claimLineId() != null && lineIds.contains(a.claimLineId()))
                .filter(a -> !a.reasonCode().equals("45") && !Set.of("1", "2", "3").contains(a.reasonCode()))
                .findFirst().orElse(null);
        if (denialAdj == null) {
            return null;
        }
        String rarc = rarcs.stream().filter(r -> Objects.equals(r.claimLineId(), denialAdj.claimLineId())).map(RemarkCode::code)
                .findFirst().orElse(null);
        LinePricing.Playbook pb = lp == null ? null : lp.playbook(denialAdj.reasonCode(), rarc);
        Set<String> attachedTitles = exhibits.stream().map(PacketContext.Exhibit::title).collect(Collectors.toSet());
        Optional<List<EvidenceChecklist.ChecklistItem>> tracked = checklists.stream()
                .map(c -> c.forLine(denialAdj.claimLineId())).flatMap(Optional::stream).findFirst();
        List<PacketContext.EvidenceItem> evidence = tracked.isPresent() ? tracked.get().stream()
                .map(i -> new PacketContext.EvidenceItem(i.description(), i.attached(), i.exhibitTitle(), i.required())).toList()
                : pb == null ? List.<PacketContext.EvidenceItem>of() : pb.evidence().stream()
                .map(e -> {
                    String match = attachedTitles.stream().filter(t -> t.equalsIgnoreCase(e) || t.toLowerCase().contains(e.toLowerCase()))
                            .findFirst().orElse(null);
                    return new PacketContext.EvidenceItem(e, match != null, match);
                }).toList();
        return new PacketContext.DenialPlaybook(denialAdj.groupCode() + "-" + denialAdj.reasonCode(), rarc,
                d.getOrDefault("denial.denialReason", pb == null ? null : pb.reason()),
                d.getOrDefault("denial.payerRequested", pb == null ? null : pb.payerRequested()), evidence,
                pb == null ? null : pb.citation());
    }

    /** What is in dispute on a line by track: WC MAR − paid; PIP billed − paid; otherwise expected − allowed when known. */
    private static @Nullable BigDecimal inDispute(Track track, CaseLine l, @Nullable BigDecimal mar) {
        BigDecimal v = switch (track) {
            case WORKERS_COMP -> mar == null ? null : mar.subtract(l.paid());
            case TEXAS_PIP, COMMERCIAL_APPEAL, TEXAS_ARBITRATION -> l.billed().subtract(l.paid());
            default -> l.expected() == null ? null : l.expected().subtract(l.allowed() == null ? l.paid() : l.allowed());
        };
        return v == null ? null : v.max(BigDecimal.ZERO).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal fees(List<CaseEvent> history, FeeKind kind) {
        return history.stream().filter(e -> e.type() == CaseEventType.FEE_PAID && kind == e.feeKind())
                .map(CaseEvent::amount).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static @Nullable LocalDate on(List<CaseEvent> history, CaseEventType type) {
        return history.stream().filter(e -> e.type() == type).map(CaseEvent::eventDate).reduce((a, b) -> b).orElse(null);
    }

    private static Citation citation(CaseDeadline d) {
        String text = d.citation() == null ? d.key() : d.citation();
        int dash = text.lastIndexOf(" — ");
        return dash > 0 ? Citation.of(text.substring(0, dash), text.substring(dash + 3)) : Citation.of(text, null);
    }

    static String label(String key) {
        StringBuilder sb = new StringBuilder();
        for (String w : key.toLowerCase().split("_")) {
            String word = switch (w) {
                case "idr", "idre", "mfdr", "qpa" -> w.toUpperCase();
                default -> w;
            };
            sb.append(sb.length() == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return sb.toString();
    }

    private static @Nullable LocalDate date(@Nullable String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static @Nullable String orElse(@Nullable String imported, @Nullable String entered) {
        return imported != null && !imported.isBlank() ? imported : entered;
    }
}
