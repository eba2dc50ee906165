package io.arbiter.support;

import io.arbiter.claims.Adjustment;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLineRepository;
import io.arbiter.claims.ClaimRepository;
import io.arbiter.claims.RemarkCode;
import io.arbiter.claims.Remittance;
import io.arbiter.claims.RemittanceRepository;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PayerRepository;
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanRepository;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import io.arbiter.practice.PracticeRepository;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Builds small, realistic claims directly through the repositories (real database). */
@Singleton
public class ClaimFixtures {

    private final PracticeRepository practices;
    private final PayerRepository payers;
    private final PlanRepository plans;
    private final ClaimRepository claims;
    private final ClaimLineRepository lines;
    private final RemittanceRepository remittances;

    public ClaimFixtures(PracticeRepository practices, PayerRepository payers, PlanRepository plans, ClaimRepository claims,
                         ClaimLineRepository lines, RemittanceRepository remittances) {
        this.practices = practices;
        this.payers = payers;
        this.plans = plans;
        this.claims = claims;
        this.lines = lines;
        this.remittances = remittances;
    }

    public Practice practice() {
        return practices.findByBillingNpi("1234567893").orElseGet(() ->
                practices.save(Practice.create("LONE STAR SPINE AND PAIN PLLC", "741234567", "1234567893")));
    }

    /** A second practice, for practice-scope tests: its users must not reach the first one's records. */
    public Practice otherPractice() {
        return practices.findByBillingNpi("1987654328").orElseGet(() ->
                practices.save(Practice.create("GULF COAST INTERVENTIONAL PAIN PA", "769876543", "1987654328")));
    }

    public Payer payer(String name, String code) {
        return payers.findByPayerCode(code).orElseGet(() -> payers.save(Payer.create(name, code, name + " Inc.")));
    }

    public Plan plan(Payer payer, PlanType type, String state) {
        return plans.findByPayerId(payer.id()).stream().filter(p -> p.planType() == type).findFirst()
                .orElseGet(() -> plans.save(Plan.create(payer.id(), payer.name() + " " + type, type, state, NetworkStatus.OUT_OF_NETWORK)));
    }

    /**
     * A bilateral lumbar TFESI at an ASC paid as an NSA initial payment:
     * charge 2,400 + 1,100; allowed 336 + 154; paid 80% of allowed.
     */
    public Claim nsaTfesiClaim(String pcn) {
        Practice practice = practice();
        Payer acme = payer("ACME HEALTH PLAN", "ACME1");
        Plan plan = plan(acme, PlanType.SELF_FUNDED_ERISA, null);
        Claim claim = claims.save(new Claim(null, practice.id(), null, acme.id(), plan.id(), pcn, "ERA" + pcn, "1", "1",
                LocalDate.of(2026, 9, 14), LocalDate.of(2026, 9, 14), "24", "IN_NETWORK", "LAKESIDE AMBULATORY SURGERY",
                "5678901237", "752041000", "TX", "2345678900", "1234567893", "M5416,M4806", false, false,
                new BigDecimal("3500.00"), new BigDecimal("392.00"), new BigDecimal("98.00"), null,
                LocalDate.of(2026, 10, 8), "EFT00031008", null, null, null, null));
        List<Adjustment> detailAdjs = new ArrayList<>();
        List<RemarkCode> detailRarcs = new ArrayList<>();
        ClaimLine l1 = lines.save(new ClaimLine(null, claim.id(), 1, "64483", "50", null, null, null, BigDecimal.ONE,
                new BigDecimal("2400.00"), new BigDecimal("336.00"), new BigDecimal("268.80"), LocalDate.of(2026, 9, 14), null, null, null));
        ClaimLine l2 = lines.save(new ClaimLine(null, claim.id(), 2, "64484", "50", null, null, null, BigDecimal.ONE,
                new BigDecimal("1100.00"), new BigDecimal("154.00"), new BigDecimal("123.20"), LocalDate.of(2026, 9, 14), null, null, null));
        for (ClaimLine l : List.of(l1, l2)) {
            detailAdjs.add(new Adjustment(claim.id(), l.id(), null, "CO", "45", l.charge().subtract(l.allowed()), null));
            detailAdjs.add(new Adjustment(claim.id(), l.id(), null, "PR", "2", l.allowed().subtract(l.paid()), null));
            for (String rarc : List.of("N865", "N877", "N830")) {
                detailRarcs.add(new RemarkCode(claim.id(), l.id(), null, rarc, "LQ"));
            }
        }
        detailRarcs.add(new RemarkCode(claim.id(), null, null, "MA01", "MOA"));
        remittances.save(Remittance.keyedIn(claim, detailAdjs, detailRarcs));
        return claim;
    }

    /** A one-line claim paid at {@code allowed} with 20% patient share, for any payer and plan type. */
    public Claim oneLineClaim(String pcn, String payerName, String payerCode, PlanType planType, String regulatorState,
                              String code, String charge, String allowed, LocalDate dos, LocalDate paymentDate,
                              String placeOfService, String zip, String diagnosis, List<String> rarcs) {
        Practice practice = practice();
        Payer payer = payer(payerName, payerCode);
        Plan plan = plan(payer, planType, regulatorState);
        BigDecimal allowedAmount = new BigDecimal(allowed);
        BigDecimal patientShare = planType == PlanType.WORKERS_COMP || planType == PlanType.AUTO_PIP ? BigDecimal.ZERO.setScale(2)
                : allowedAmount.multiply(new BigDecimal("0.20")).setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal paid = allowedAmount.subtract(patientShare);
        BigDecimal chargeAmount = new BigDecimal(charge);
        boolean facility = placeOfService.equals("22") || placeOfService.equals("24");
        Claim claim = claims.save(new Claim(null, practice.id(), null, payer.id(), plan.id(), pcn, "ERA" + pcn, "1", "1",
                dos, dos, placeOfService, facility ? "IN_NETWORK" : null, facility ? "LAKESIDE AMBULATORY SURGERY" : null,
                facility ? "5678901237" : null, zip, "TX", "2345678900", "1234567893", diagnosis, false, false,
                chargeAmount, paid, patientShare, null, paymentDate, "EFT" + pcn, null, null, null, null));
        List<Adjustment> detailAdjs = new ArrayList<>();
        List<RemarkCode> detailRarcs = new ArrayList<>();
        ClaimLine line = lines.save(new ClaimLine(null, claim.id(), 1, code, null, null, null, null, BigDecimal.ONE,
                chargeAmount, allowedAmount, paid, dos, null, null, null));
        detailAdjs.add(new Adjustment(claim.id(), line.id(), null, "CO", "45", chargeAmount.subtract(allowedAmount), null));
        if (patientShare.signum() > 0) {
            detailAdjs.add(new Adjustment(claim.id(), line.id(), null, "PR", "2", patientShare, null));
        }
        for (String rarc : rarcs) {
            detailRarcs.add(new RemarkCode(claim.id(), line.id(), null, rarc, "LQ"));
        }
        remittances.save(Remittance.keyedIn(claim, detailAdjs, detailRarcs));
        return claim;
    }

    /** Another line on a claim (its own date of service), paid at 80 % of {@code allowed}. */
    public ClaimLine addLine(Claim claim, int lineNumber, String code, String charge, String allowed, LocalDate dos) {
        BigDecimal allowedAmount = new BigDecimal(allowed);
        return lines.save(new ClaimLine(null, claim.id(), lineNumber, code, null, null, null, null, BigDecimal.ONE,
                new BigDecimal(charge), allowedAmount, allowedAmount.multiply(new BigDecimal("0.80")).setScale(2, java.math.RoundingMode.HALF_UP),
                dos, null, null, null));
    }

    public List<ClaimLine> lines(Claim claim) {
        return lines.findByClaimIdOrderByLineNumber(claim.id());
    }

    public ClaimLine firstLine(Claim claim) {
        return lines.findByClaimIdOrderByLineNumber(claim.id()).get(0);
    }
}
