package io.arbiter.priorauth;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.claims.Claims;
import io.arbiter.common.ApiException;
import io.arbiter.common.Citation;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Plan;
import io.arbiter.practice.Plans;
import io.arbiter.practice.PlanType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Flags claim lines that need a prior authorization but have none valid on the date of service, or exceed the
 * approved codes, levels, units or side — before they come back as CO-197/CO-198 (pain-coding-and-denials.md §4,
 * "auth-scope pitfalls") — and permanent SCS implants without a documented successful trial.
 */
@Singleton
public class AuthCheck {

    @Serdeable
    public record Flag(String code, String message) {
    }

    @Serdeable
    public record LineCheck(Long lineId, String procedureCode, List<String> modifiers, @Nullable LocalDate dateOfService,
                            @Nullable String family, boolean authRequired, @Nullable String requirement, String status,
                            @Nullable Long authId, @Nullable String authNumber, @Nullable LocalDate validThrough,
                            List<Flag> flags, List<String> documentation, BigDecimal charge, @Nullable Citation citation) {
    }

    @Serdeable
    public record Result(Long claimId, @Nullable String planType, @Nullable String placeOfService, List<LineCheck> lines,
                         int flaggedLines, BigDecimal chargeAtRisk) {
    }

    private final Claims claims;
    private final ClaimLines lines;
    private final Plans plans;
    private final Payers payers;
    private final PriorAuthRepository auths;
    private final AuthRequirements requirements;
    private final ScsTrialGate scs;

    public AuthCheck(Claims claims, ClaimLines lines, Plans plans, Payers payers,
                     PriorAuthRepository auths, AuthRequirements requirements, ScsTrialGate scs) {
        this.claims = claims;
        this.lines = lines;
        this.plans = plans;
        this.payers = payers;
        this.auths = auths;
        this.requirements = requirements;
        this.scs = scs;
    }

    public Result check(Long claimId) {
        Claim claim = claims.findById(claimId).orElseThrow(() -> ApiException.notFound("Claim " + claimId));
        return check(claim, lines.findByClaimIdOrderByLineNumber(claimId));
    }

    static @Nullable Laterality side(ClaimLine l) {
        List<String> m = l.modifiers();
        if (m.contains("50") || (m.contains("RT") && m.contains("LT"))) {
            return Laterality.BILATERAL;
        }
        return m.contains("RT") ? Laterality.RIGHT : m.contains("LT") ? Laterality.LEFT : null;
    }

    /** Plans and payers looked up once per report instead of once per claim. */
    public static final class Lookups {
        final Map<Long, java.util.Optional<Plan>> plans = new HashMap<>();
        final Map<Long, java.util.Optional<Payer>> payers = new HashMap<>();
    }

    public Result check(Claim claim, List<ClaimLine> ls) {
        return check(claim, ls, new Lookups());
    }

    public Result check(Claim claim, List<ClaimLine> ls, Lookups lookups) {
        Plan plan = claim.planId() == null ? null : lookups.plans.computeIfAbsent(claim.planId(), plans::findById).orElse(null);
        PlanType planType = plan == null ? PlanType.OTHER : plan.planType();
        Payer payer = claim.payerId() == null ? null : lookups.payers.computeIfAbsent(claim.payerId(), payers::findById).orElse(null);
        List<PriorAuth> candidates = claim.patientId() == null || claim.payerId() == null ? List.of()
                : auths.findByPatientIdAndPayerIdOrderById(claim.patientId(), claim.payerId()).stream()
                .filter(a -> a.status() == AuthStatus.APPROVED).toList();
        // grouped only over dated lines: groupingBy refuses a null key, and one undated line must not take
        // the report down for every claim (issue 23 item 7)
        Map<LocalDate, List<ClaimLine>> byDate = ls.stream().filter(l -> dos(claim, l) != null)
                .collect(Collectors.groupingBy(l -> dos(claim, l)));
        List<LineCheck> out = new ArrayList<>();
        for (ClaimLine l : ls) {
            LocalDate dos = dos(claim, l);
            if (dos == null) {
                // which requirement, authorization window and trial applies depends on the date: say so, guess nothing
                out.add(new LineCheck(l.id(), l.procedureCode(), l.modifiers(), null, null, false, null, "NOT_CHECKED", null, null, null,
                        List.of(new Flag("NO_SERVICE_DATE", "neither the line nor the claim has a date of service; prior authorization cannot be checked")),
                        List.of(), l.charge(), null));
                continue;
            }
            List<ClaimLine> sameDate = byDate.getOrDefault(dos, List.of());
            AuthFamily family = requirements.family(l.procedureCode(), sameDate.stream().map(ClaimLine::procedureCode).toList()).orElse(null);
            if (family == null) {
                out.add(new LineCheck(l.id(), l.procedureCode(), l.modifiers(), dos, null, false, null, "NOT_REQUIRED", null, null, null,
                        List.of(), List.of(), l.charge(), null));
                continue;
            }
            List<ClaimLine> familyLines = sameDate.stream().filter(x -> requirements.family(x.procedureCode(),
                    sameDate.stream().map(ClaimLine::procedureCode).toList()).orElse(null) == family).toList();
            var req = requirements.find(planType, payer == null ? null : payer.payerCode(), claim.placeOfService(), l.procedureCode(), family, dos);
            List<Flag> flags = new ArrayList<>();
            PriorAuth matched = null;
            LocalDate validThrough = null;
            if (req.isPresent()) {
                List<Flag> best = null;
                for (PriorAuth a : candidates.stream().filter(a -> a.family() == family || a.codes().contains(l.procedureCode()))
                        .sorted(Comparator.comparing(PriorAuth::id).reversed()).toList()) {
                    LocalDate through = validThrough(a, req.get().validityDays());
                    List<Flag> problems = scope(a, l, familyLines, dos, through);
                    if (best == null || problems.size() < best.size()) {
                        best = problems;
                        matched = a;
                        validThrough = through;
                    }
                }
                if (matched == null) {
                    flags.add(new Flag("NO_AUTH", req.get().key() + ": " + l.procedureCode() + " on " + dos
                            + " needs a prior authorization and none is approved for this patient and payer"));
                } else {
                    flags.addAll(best);
                }
            }
            if (family == AuthFamily.SCS_PERMANENT) {
                ScsTrialGate.Result gate = scs.check(claim.patientId(), dos);
                if (!gate.passed()) {
                    gate.missing().forEach(m -> flags.add(new Flag(m.contains("psychological") ? "PSYCH_EVAL_MISSING" : "SCS_TRIAL_NOT_DOCUMENTED", m)));
                }
            }
            String status = flags.isEmpty() ? (req.isPresent() ? "OK" : "NOT_REQUIRED") : "FLAGGED";
            out.add(new LineCheck(l.id(), l.procedureCode(), l.modifiers(), dos, family.name(), req.isPresent(),
                    req.map(r -> r.key() + " [" + r.version() + "]").orElse(null), status, matched == null ? null : matched.id(),
                    matched == null ? null : matched.authNumber(), validThrough, flags,
                    req.map(AuthRequirements.Requirement::documentation).orElse(List.of()), l.charge(),
                    req.map(AuthRequirements.Requirement::citation).orElse(family == AuthFamily.SCS_PERMANENT ? requirements.scsCitation() : null)));
        }
        List<LineCheck> flagged = out.stream().filter(c -> "FLAGGED".equals(c.status())).toList();
        return new Result(claim.id(), planType.name(), claim.placeOfService(), out, flagged.size(),
                flagged.stream().map(LineCheck::charge).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2));
    }

    private static LocalDate dos(Claim claim, ClaimLine l) {
        return l.serviceDate() != null ? l.serviceDate() : claim.serviceDateFrom();
    }

    /**
     * The last day the auth covers: the letter's end date, capped by the requirement's validity from the decision
     * (Medicare OPD: 120 days from the decision, read as "through decision date + 120").
     */
    static @Nullable LocalDate validThrough(PriorAuth a, @Nullable Integer validityDays) {
        LocalDate cap = validityDays == null || a.decisionDate() == null ? null : a.decisionDate().plusDays(validityDays);
        if (a.validTo() == null) {
            return cap;
        }
        return cap == null || a.validTo().isBefore(cap) ? a.validTo() : cap;
    }

    private static List<Flag> scope(PriorAuth a, ClaimLine l, List<ClaimLine> familyLines, LocalDate dos, @Nullable LocalDate through) {
        List<Flag> problems = new ArrayList<>();
        LocalDate from = a.validFrom() != null ? a.validFrom() : a.decisionDate() != null ? a.decisionDate() : a.requestedDate();
        if (dos.isBefore(from) || (through != null && dos.isAfter(through))) {
            problems.add(new Flag("OUTSIDE_VALIDITY", "auth " + a.authNumber() + " is valid " + from + " to "
                    + (through == null ? "open" : through) + "; date of service " + dos + " is outside it"));
        }
        if (!a.codes().isEmpty() && !a.codes().contains(l.procedureCode())) {
            problems.add(new Flag("CODE_NOT_APPROVED", "auth " + a.authNumber() + " approves " + a.codes() + ", not " + l.procedureCode()));
        }
        if (a.approvedLevels() != null) {
            // Level = joint/segment: a code's units count its levels; a bilateral pair (RT + LT or 50) is still one level.
            Map<String, Integer> perCode = new HashMap<>();
            for (ClaimLine x : familyLines) {
                perCode.merge(x.procedureCode(), x.units().intValue(), Math::max);
            }
            int levels = perCode.values().stream().mapToInt(Integer::intValue).sum();
            if (levels > a.approvedLevels()) {
                problems.add(new Flag("LEVELS_EXCEEDED", levels + " levels billed on " + dos + " (" + perCode.keySet().stream().sorted().toList()
                        + ") but auth " + a.authNumber() + " approves " + a.approvedLevels()));
            }
        }
        if (a.approvedUnits() != null) {
            int units = familyLines.stream().mapToInt(x -> x.units().intValue()).sum();
            if (units > a.approvedUnits()) {
                problems.add(new Flag("UNITS_EXCEEDED", units + " units billed on " + dos + " but auth " + a.authNumber()
                        + " approves " + a.approvedUnits()));
            }
        }
        if (a.laterality() != null) {
            Set<Laterality> sides = EnumSet.noneOf(Laterality.class);
            familyLines.stream().map(AuthCheck::side).filter(s -> s != null).forEach(sides::add);
            Laterality billed = sides.contains(Laterality.BILATERAL) || (sides.contains(Laterality.LEFT) && sides.contains(Laterality.RIGHT))
                    ? Laterality.BILATERAL : sides.stream().findFirst().orElse(null);
            if (billed != null && !a.laterality().covers(billed)) {
                problems.add(new Flag("LATERALITY_MISMATCH", "billed " + billed + " but auth " + a.authNumber() + " approves "
                        + a.laterality()));
            }
        }
        return problems;
    }
}
