package io.arbiter.demo;

import io.arbiter.claims.Claim;
import io.arbiter.claims.ClaimLine;
import io.arbiter.claims.ClaimLines;
import io.arbiter.common.Money;
import io.arbiter.intake.ImportService;
import io.arbiter.practice.Patient;
import io.arbiter.practice.Patients;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.practice.Practice;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's payer money (issue 17): 835s written for the demo claims as they stand today, imported through the real intake
 * so the reconciliation matches them as it would a payer's file. Each file is built from the claim's own numbers (patient
 * control number, payer claim control number, lines, what was paid), balanced as a payer balances it: SVC paid + CAS =
 * charge, CLP paid = its lines, BPR = the claims' payments − PLB.
 */
@Singleton
public class DemoRemittances {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRemittances.class);
    static final String SETTLEMENTS = "acme-settlements-835.edi";
    static final String PARTIAL_AWARD = "gulf-partial-award-835.edi";
    static final String PARTIAL_AWARD_RESTATED = "gulf-partial-award-restated-835.edi";
    static final String AWARD = "acme-award-payments-835.edi";
    /** The 835s the demo writes and imports, in order (each one import). */
    public static final List<String> FILES = List.of(SETTLEMENTS, PARTIAL_AWARD, PARTIAL_AWARD_RESTATED, AWARD);
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter ISA_DATE = DateTimeFormatter.ofPattern("yyMMdd");

    private final ClaimLines claimLines;
    private final Patients patients;
    private final Payers payers;
    private final ImportService imports;
    private int control = 900;

    public DemoRemittances(ClaimLines claimLines, Patients patients, Payers payers, ImportService imports) {
        this.claimLines = claimLines;
        this.patients = patients;
        this.payers = payers;
        this.imports = imports;
    }

    /** One 835 being written: the payer's claim payments and provider-level adjustments, paid on one date. */
    final class Remit {
        private final Practice practice;
        private final Payer payer;
        private final LocalDate paid;
        private final String trace;
        private final List<String> body = new ArrayList<>();
        private final List<String> plb = new ArrayList<>();
        private BigDecimal total = Money.ZERO;
        private LocalDate serviceDate;

        Remit(Practice practice, Payer payer, LocalDate paid, String trace) {
            this.practice = practice;
            this.payer = payer;
            this.paid = paid;
            this.trace = trace;
        }

        /** The payer takes back the claim's payment as Arbiter has it: every amount negated (CLP status 22). */
        Remit reversal(Claim c) {
            List<ClaimLine> lines = claimLines.findByClaimIdOrderByLineNumber(c.id());
            clp(c, "22", c.totalCharge().negate(), c.totalPaid().negate(), c.patientResponsibility().negate(), c.payerClaimControlNumber());
            for (ClaimLine l : lines) {
                BigDecimal pr = allowed(l).subtract(l.paid());
                svc(l, l.charge().negate(), l.paid().negate(), l.charge().subtract(allowed(l)).negate(), pr.negate(), true);
            }
            return this;
        }

        /** The corrected claim: the same lines, the patient's share unchanged, {@code extra} more paid (spread by charge). */
        Remit corrected(Claim c, BigDecimal extra, String controlSuffix) {
            List<ClaimLine> lines = claimLines.findByClaimIdOrderByLineNumber(c.id());
            clp(c, "1", c.totalCharge(), c.totalPaid().add(extra), c.patientResponsibility(), c.payerClaimControlNumber() + controlSuffix);
            BigDecimal spread = Money.ZERO;
            for (int i = 0; i < lines.size(); i++) {
                ClaimLine l = lines.get(i);
                BigDecimal share = i == lines.size() - 1 ? extra.subtract(spread)
                        : extra.multiply(l.charge()).divide(c.totalCharge(), 2, RoundingMode.HALF_UP);
                spread = spread.add(share);
                BigDecimal paidNow = l.paid().add(share);
                BigDecimal pr = allowed(l).subtract(l.paid());
                svc(l, l.charge(), paidNow, l.charge().subtract(paidNow).subtract(pr), pr, false);
            }
            return this;
        }

        /** A supplemental payment (CLP charge 0): {@code amounts} more on the claim's lines, in line order. */
        Remit supplemental(Claim c, String controlSuffix, BigDecimal... amounts) {
            List<ClaimLine> lines = claimLines.findByClaimIdOrderByLineNumber(c.id());
            BigDecimal sum = Money.ZERO;
            for (BigDecimal a : amounts) {
                sum = sum.add(a);
            }
            clp(c, "1", Money.ZERO, sum, Money.ZERO, c.payerClaimControlNumber() + controlSuffix);
            for (int i = 0; i < amounts.length; i++) {
                svc(lines.get(i), Money.ZERO, amounts[i], amounts[i].negate(), Money.ZERO, false);
            }
            return this;
        }

        /** A claim Arbiter has never seen: the payer reverses {@code before} and pays {@code after} (one 62323 line). */
        Remit unknownClaim(String pcn, String payerControl, String lastName, String firstName, String memberId, LocalDate serviceDate,
                           BigDecimal charge, BigDecimal before, BigDecimal after, BigDecimal patientShare) {
            for (boolean reversal : new boolean[]{true, false}) {
                int sign = reversal ? -1 : 1;
                BigDecimal paidNow = (reversal ? before : after).multiply(BigDecimal.valueOf(sign));
                BigDecimal pr = patientShare.multiply(BigDecimal.valueOf(sign));
                BigDecimal ch = charge.multiply(BigDecimal.valueOf(sign));
                total = total.add(paidNow);
                body.add("CLP*" + pcn + "*" + (reversal ? "22" : "1") + "*" + n(ch) + "*" + n(paidNow) + "*" + n(pr) + "*12*" + payerControl
                        + (reversal ? "" : "A") + "*24*1");
                body.add("NM1*QC*1*" + lastName + "*" + firstName + "****MI*" + memberId);
                body.add("DTM*232*" + YMD.format(serviceDate));
                body.add("SVC*HC:62323*" + n(ch) + "*" + n(paidNow) + "**" + sign);
                body.add("DTM*472*" + YMD.format(serviceDate));
                body.add("CAS*CO*45*" + n(ch.subtract(paidNow).subtract(pr)));
                body.add("CAS*PR*2*" + n(pr));
            }
            return this;
        }

        /** A provider-level adjustment; a negative amount is money added to the check (L6 interest). */
        Remit providerAdjustment(String reason, String reference, BigDecimal amount) {
            plb.add("PLB*" + practice.billingNpi() + "*" + paid.getYear() + "1231*" + reason + ":" + reference + "*" + n(amount));
            total = total.subtract(amount);
            return this;
        }

        private void clp(Claim c, String status, BigDecimal charge, BigDecimal paidNow, BigDecimal pr, String payerControl) {
            total = total.add(paidNow);
            Patient p = c.patientId() == null ? null : patients.findById(c.patientId()).orElse(null);
            body.add("CLP*" + c.patientControlNumber() + "*" + status + "*" + n(charge) + "*" + n(paidNow) + "*" + n(pr) + "*12*" + payerControl
                    + "*" + (c.placeOfService() == null ? "11" : c.placeOfService()) + "*1");
            if (p != null) {
                body.add("NM1*QC*1*" + p.lastName() + "*" + (p.firstName() == null ? "" : p.firstName()) + "****MI*"
                        + (p.memberId() == null ? "" : p.memberId()));
            }
            serviceDate = c.serviceDateFrom();
            body.add("DTM*232*" + YMD.format(serviceDate));
        }

        private void svc(ClaimLine l, BigDecimal charge, BigDecimal paidNow, BigDecimal contractual, BigDecimal pr, boolean reversal) {
            String code = "HC:" + l.procedureCode() + (l.modifier1() == null ? "" : ":" + l.modifier1())
                    + (l.modifier2() == null ? "" : ":" + l.modifier2());
            BigDecimal units = reversal ? l.units().negate() : l.units();
            body.add("SVC*" + code + "*" + n(charge) + "*" + n(paidNow) + "**" + units.stripTrailingZeros().toPlainString());
            body.add("DTM*472*" + YMD.format(l.serviceDate() != null ? l.serviceDate() : serviceDate));
            if (contractual.signum() != 0) {
                body.add("CAS*CO*45*" + n(contractual));
            }
            if (pr.signum() != 0) {
                body.add("CAS*PR*2*" + n(pr));
            }
        }

        /** The interchange, its envelope counted and the BPR total balanced. */
        byte[] x12(int controlNumber) {
            String isaControl = String.format("%09d", controlNumber);
            List<String> st = new ArrayList<>();
            st.add("ST*835*0001");
            st.add("BPR*I*" + n(total) + "*C*ACH*CCP*01*111000025*DA*123456789*1" + practice.tin() + "**01*113000023*DA*987654321*"
                    + YMD.format(paid));
            st.add("TRN*1*" + trace + "*1" + practice.tin());
            st.add("DTM*405*" + YMD.format(paid));
            st.add("N1*PR*" + payer.name());
            st.add("REF*2U*" + payer.payerCode());
            st.add("N1*PE*" + practice.name() + "*XX*" + practice.billingNpi());
            st.add("REF*TJ*" + practice.tin());
            st.add("LX*1");
            st.addAll(body);
            st.addAll(plb);
            st.add("SE*" + (st.size() + 1) + "*0001");
            StringBuilder out = new StringBuilder();
            out.append("ISA*00*          *00*          *ZZ*").append(pad(payer.payerCode())).append("*ZZ*").append(pad("LONESTAR")).append('*')
                    .append(ISA_DATE.format(paid)).append("*1200*^*00501*").append(isaControl).append("*0*P*:~\n");
            out.append("GS*HP*").append(payer.payerCode()).append("*LONESTAR*").append(YMD.format(paid)).append("*1200*").append(controlNumber)
                    .append("*X*005010X221A1~\n");
            st.forEach(s -> out.append(s).append("~\n"));
            out.append("GE*1*").append(controlNumber).append("~\nIEA*1*").append(isaControl).append("~\n");
            return out.toString().getBytes(StandardCharsets.US_ASCII);
        }
    }

    Remit remit(Practice practice, Claim forPayer, LocalDate paid, String trace) {
        return new Remit(practice, payers.findById(forPayer.payerId()).orElseThrow(), paid, trace);
    }

    Remit remit(Practice practice, String payerCode, LocalDate paid, String trace) {
        return new Remit(practice, payers.findByPayerCode(payerCode).orElseThrow(), paid, trace);
    }

    /** Imports the file as a payer's upload would arrive; returns the import's status (a demo file refused is logged, not fatal). */
    String importFile(String name, Remit remit) {
        return importBytes(name, remit.x12(++control));
    }

    /** The same payments again in another interchange (new control numbers), as a payer restating its 835 sends them. */
    String importRestated(String name, Remit remit) {
        return importBytes(name, remit.x12(++control + 50));
    }

    private String importBytes(String name, byte[] bytes) {
        var outcome = imports.submit(name, new ByteArrayInputStream(bytes), ImportService.Hint.X12, true, "specialist");
        String status = String.valueOf(outcome.view().status());
        LOG.info("Demo mode: imported {} ({})", name, status);
        return status;
    }

    /** A line paid without an allowed amount on record was allowed what was paid (no patient share). */
    private static BigDecimal allowed(ClaimLine l) {
        return l.allowed() == null ? l.paid() : l.allowed();
    }

    private static String n(BigDecimal amount) {
        BigDecimal s = amount.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private static String pad(@Nullable String s) {
        String v = s == null ? "" : s;
        return v.length() >= 15 ? v.substring(0, 15) : v + " ".repeat(15 - v.length());
    }
}
