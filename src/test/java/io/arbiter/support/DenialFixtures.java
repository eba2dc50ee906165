package io.arbiter.support;

import io.arbiter.claims.Adjustment;
import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLineRepository;
import io.arbiter.claims.ClaimRepository;
import io.arbiter.claims.RemarkCode;
import io.arbiter.claims.Remittance;
import io.arbiter.claims.RemittanceRepository;
import io.arbiter.practice.Patient;
import io.arbiter.practice.PatientRepository;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PayerRepository;
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Remitted pain-management claims with denial adjustments, built through the repositories (real database). */
@Singleton
public class DenialFixtures {

    /** One remitted line: code, modifiers ("" for none), units, charge, paid, adjustments "GROUP-CARC:amount", RARCs. */
    public record L(String code, String modifiers, int units, String charge, String paid, List<String> adjustments, List<String> rarcs) {
        public static L denied(String code, String charge, String groupCarc, String... rarcs) {
            return new L(code, "", 1, charge, "0.00", List.of(groupCarc + ":" + charge), List.of(rarcs));
        }
    }

    private final ClaimFixtures base;
    private final ClaimRepository claims;
    private final ClaimLineRepository lines;
    private final RemittanceRepository remittances;
    private final PayerRepository payers;
    private final PatientRepository patients;

    public DenialFixtures(ClaimFixtures base, ClaimRepository claims, ClaimLineRepository lines, RemittanceRepository remittances, PayerRepository payers, PatientRepository patients) {
        this.base = base;
        this.claims = claims;
        this.lines = lines;
        this.remittances = remittances;
        this.payers = payers;
        this.patients = patients;
    }

    public Practice practice() {
        return base.practice();
    }

    public Payer payer(String name, String code, Integer appealWindowDays) {
        Payer p = base.payer(name, code);
        if (appealWindowDays != null && !appealWindowDays.equals(p.appealWindowDays())) {
            p = payers.update(p.withPolicies(p.bilateralFormat(), appealWindowDays));
        }
        return p;
    }

    public Plan plan(Payer payer, PlanType type) {
        return base.plan(payer, type, "TX");
    }

    public Patient patient(String memberId) {
        return patients.save(Patient.create(practice().id(), "RIVERA", "ANA", LocalDate.of(1961, 4, 2), memberId));
    }

    public Claim claim(String pcn, Payer payer, PlanType type, String pos, LocalDate dos, LocalDate paid, Long patientId, List<L> ls) {
        Plan plan = plan(payer, type);
        BigDecimal charge = ls.stream().map(l -> new BigDecimal(l.charge())).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalPaid = ls.stream().map(l -> new BigDecimal(l.paid())).reduce(BigDecimal.ZERO, BigDecimal::add);
        Claim claim = claims.save(new Claim(null, practice().id(), patientId, payer.id(), plan.id(), pcn, "ICN" + pcn,
                totalPaid.signum() == 0 ? "4" : "1", "1", dos, dos, pos, null, null, null, "752041000", "TX", "2345678900",
                "1234567893", "M5416", false, false, charge, totalPaid, BigDecimal.ZERO, null, paid, "EFT" + pcn, null, null, null, null));
        List<Adjustment> detailAdjs = new ArrayList<>();
        List<RemarkCode> detailRarcs = new ArrayList<>();
        int n = 1;
        for (L l : ls) {
            String[] m = l.modifiers().isBlank() ? new String[0] : l.modifiers().split(",");
            ClaimLine line = lines.save(new ClaimLine(null, claim.id(), n++, l.code(), m.length > 0 ? m[0] : null, m.length > 1 ? m[1] : null,
                    null, null, BigDecimal.valueOf(l.units()), new BigDecimal(l.charge()), null, new BigDecimal(l.paid()), dos, null, null, null));
            for (String a : l.adjustments()) {
                String[] gc = a.split("[-:]");
                detailAdjs.add(new Adjustment(claim.id(), line.id(), null, gc[0], gc[1], new BigDecimal(gc[2]), null));
            }
            for (String r : l.rarcs()) {
                detailRarcs.add(new RemarkCode(claim.id(), line.id(), null, r, "LQ"));
            }
        }
        remittances.save(Remittance.keyedIn(claim, detailAdjs, detailRarcs));
        return claim;
    }

    public List<ClaimLine> lines(Claim claim) {
        return new ArrayList<>(lines.findByClaimIdOrderByLineNumber(claim.id()));
    }
}
