package io.arbiter.findings;

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
import io.arbiter.practice.Plan;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Practice;
import io.arbiter.support.ClaimFixtures;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Realistic pain claims saved through the repositories (intake is built elsewhere). */
@Singleton
public class FindingsFixtures {

    private final ClaimFixtures base;
    private final PatientRepository patients;
    private final ClaimRepository claims;
    private final ClaimLineRepository lines;
    private final RemittanceRepository remittances;
    private int seq;

    public FindingsFixtures(ClaimFixtures base, PatientRepository patients, ClaimRepository claims, ClaimLineRepository lines,
                            RemittanceRepository remittances) {
        this.base = base;
        this.patients = patients;
        this.claims = claims;
        this.lines = lines;
        this.remittances = remittances;
    }

    public Patient patient(String last) {
        return patients.save(Patient.create(base.practice().id(), last, "TEST", LocalDate.of(1970, 1, 1), "M" + last));
    }

    /**
     * Saves a claim. Line spec: CODE[-MOD[-MOD]]xUNITS@CHARGE:ALLOWED (allowed "-" = none reported); paid = 80% of allowed,
     * PR = the rest. {@code denialCarc} non-null: every line is denied CO-carc with paid 0.
     */
    public Claim claim(Payer payer, PlanType type, Patient patient, LocalDate dos, String pos, String zip, String denialCarc, String denialRarc,
                       String... specs) {
        Practice practice = base.practice();
        Plan plan = base.plan(payer, type, "TX");
        String pcn = "FND" + System.nanoTime() % 100000000 + (seq++);
        Claim claim = claims.save(new Claim(null, practice.id(), patient == null ? null : patient.id(), payer.id(), plan.id(), pcn, "ERA" + pcn,
                denialCarc == null ? "1" : "4", "1", dos, dos, pos, null, null, null, zip, "TX", "2345678900", practice.billingNpi(),
                "M5416", false, false, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, dos.plusDays(30), "EFT1", null, null, null, null));
        List<Adjustment> detailAdjs = new ArrayList<>();
        List<RemarkCode> detailRarcs = new ArrayList<>();
        int n = 1;
        for (String spec : specs) {
            String[] a = spec.split("@");
            String[] cu = a[0].split("x");
            String[] cm = cu[0].split("-");
            String[] money = a[1].split(":");
            BigDecimal charge = new BigDecimal(money[0]);
            BigDecimal allowed = denialCarc != null ? BigDecimal.ZERO.setScale(2) : money[1].equals("-") ? null : new BigDecimal(money[1]);
            BigDecimal basis = allowed == null ? new BigDecimal(money.length > 2 ? money[2] : "0") : allowed;
            BigDecimal paid = basis.multiply(new BigDecimal("0.80")).setScale(2, RoundingMode.HALF_UP);
            ClaimLine line = lines.save(new ClaimLine(null, claim.id(), n++, cm[0], cm.length > 1 ? cm[1] : null, cm.length > 2 ? cm[2] : null,
                    null, null, new BigDecimal(cu[1]), charge, allowed, paid, dos, null, null, null));
            if (denialCarc != null) {
                detailAdjs.add(new Adjustment(claim.id(), line.id(), null, "CO", denialCarc, charge, null));
                if (denialRarc != null) {
                    detailRarcs.add(new RemarkCode(claim.id(), line.id(), null, denialRarc, "LQ"));
                }
            } else {
                detailAdjs.add(new Adjustment(claim.id(), line.id(), null, "CO", "45", charge.subtract(basis), null));
                detailAdjs.add(new Adjustment(claim.id(), line.id(), null, "PR", "2", basis.subtract(paid), null));
            }
        }
        remittances.save(Remittance.keyedIn(claim, detailAdjs, detailRarcs));
        return claim;
    }

    public ClaimFixtures base() {
        return base;
    }

    public static List<Long> ids(Claim... claims) {
        return java.util.Arrays.stream(claims).map(Claim::id).toList();
    }
}
