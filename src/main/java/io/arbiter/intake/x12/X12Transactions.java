package io.arbiter.intake.x12;

import io.arbiter.intake.IntakeModel;
import io.arbiter.intake.IntakeModel.BilledClaim;
import io.arbiter.intake.IntakeModel.BilledLine;
import io.arbiter.intake.IntakeModel.Cas;
import io.arbiter.intake.IntakeModel.Counts;
import io.arbiter.intake.IntakeModel.PaidClaim;
import io.arbiter.intake.IntakeModel.PaidLine;
import io.arbiter.intake.IntakeModel.Party;
import io.arbiter.intake.IntakeModel.Remark;
import io.arbiter.intake.Issues;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * Turns the segment stream of an X12 file into claims: 835 (005010X221A1) CLP loops become
 * {@link PaidClaim}s, 837P (005010X222A1) CLM loops become {@link BilledClaim}s. Only the data
 * Arbiter needs is read; everything else is skipped. All transaction sets of one file must be of
 * the same type (the Import has one format).
 */
public final class X12Transactions implements Consumer<Segment> {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final Issues issues;
    private final IntakeModel.Sink sink;
    private final Counts counts;
    private String fileType; // "835" or "837"
    private String type;     // of the current transaction

    // 835 state
    private Party payee;
    private String payerCode;
    private String payerName;
    private String lastN1;
    private BigDecimal bprAmount;
    private LocalDate bprDate;
    private String bprDateLocation;
    private String bprDateRaw;
    private LocalDate productionDate;
    private String trace;
    private BigDecimal sumClp;
    private BigDecimal sumPlb;
    private PaidClaim claim;
    private PaidLine line;
    private int bprSegment;

    // 837 state
    private Party billing;
    private String filingIndicator;
    private String subscriberLast;
    private String subscriberFirst;
    private LocalDate subscriberDob;
    private String memberId;
    private String patientLast;
    private String patientFirst;
    private LocalDate patientDob;
    private boolean patientLoop;
    private String billedPayerCode;
    private String billedPayerName;
    private BilledClaim billed;
    private BilledLine billedLine;
    private String lastNm1;

    public X12Transactions(Issues issues, IntakeModel.Sink sink, Counts counts) {
        this.issues = issues;
        this.sink = sink;
        this.counts = counts;
    }

    /** "835" or "837" once the first ST was read. */
    public String fileType() {
        return fileType;
    }

    @Override
    public void accept(Segment s) {
        switch (s.tag()) {
            case "ISA", "GS", "GE", "IEA" -> {
            }
            case "ST" -> startTransaction(s);
            case "SE" -> endTransaction(s);
            default -> {
                if ("835".equals(type)) {
                    remittance(s);
                } else if ("837".equals(type)) {
                    claim837(s);
                }
            }
        }
    }

    private void startTransaction(Segment s) {
        String st01 = s.get(1);
        counts.transactions++;
        if (!"835".equals(st01) && !"837".equals(st01)) {
            issues.error(s.location(1), "transaction set '" + st01 + "' is not supported (only 835 and 837P)");
            type = null;
            return;
        }
        if (fileType == null) {
            fileType = st01;
        } else if (!fileType.equals(st01)) {
            issues.error(s.location(1), "transaction set " + st01 + " in a file whose first transaction is " + fileType
                    + "; import 835 and 837 files separately");
        }
        type = st01;
        payee = null;
        payerCode = null;
        payerName = null;
        lastN1 = null;
        bprAmount = null;
        bprDate = null;
        bprDateRaw = null;
        productionDate = null;
        trace = null;
        sumClp = BigDecimal.ZERO;
        sumPlb = BigDecimal.ZERO;
        claim = null;
        line = null;
        billing = null;
        billed = null;
        billedLine = null;
        resetSubscriber();
    }

    private void resetSubscriber() {
        filingIndicator = null;
        subscriberLast = null;
        subscriberFirst = null;
        subscriberDob = null;
        memberId = null;
        patientLast = null;
        patientFirst = null;
        patientDob = null;
        patientLoop = false;
        billedPayerCode = null;
        billedPayerName = null;
    }

    private void endTransaction(Segment s) {
        if ("835".equals(type)) {
            flushPaid();
            if (bprAmount != null) {
                BigDecimal expected = sumClp.subtract(sumPlb);
                if (bprAmount.subtract(expected).abs().compareTo(CENT) >= 0) {
                    issues.warning("segment " + bprSegment + " (BPR), element 2", "payment amount " + money(bprAmount)
                            + " does not equal the claim payments " + money(sumClp) + " minus provider-level adjustments (PLB) "
                            + money(sumPlb) + " = " + money(expected));
                }
            }
        } else if ("837".equals(type)) {
            flushBilled();
        }
        type = null;
        sink.endOfTransaction();
    }

    // ---------------------------------------------------------------- 835

    private void remittance(Segment s) {
        switch (s.tag()) {
            case "BPR" -> {
                bprSegment = s.number();
                bprAmount = s.decimal(2, issues);
                bprDateRaw = s.get(16);
                bprDateLocation = s.location(16);
                bprDate = Segment.tryDate(bprDateRaw);
            }
            case "TRN" -> {
                if (trace == null) {
                    trace = s.get(2);
                }
            }
            case "DTM" -> {
                String q = s.get(1);
                if (claim == null) {
                    if ("405".equals(q)) {
                        productionDate = s.date(2, issues);
                    }
                } else if (line != null && ("472".equals(q) || "150".equals(q))) {
                    LocalDate d = s.date(2, issues);
                    if (line.serviceDate == null || "472".equals(q)) {
                        line.serviceDate = d;
                    }
                } else if (line == null && ("232".equals(q) || "233".equals(q) || "050".equals(q))) {
                    LocalDate d = s.date(2, issues);
                    if ("232".equals(q)) {
                        claim.dateFrom = d;
                    } else if ("233".equals(q)) {
                        claim.dateTo = d;
                    }
                } else if (line != null && "151".equals(q)) {
                    s.date(2, issues);
                }
            }
            case "N1" -> {
                lastN1 = s.get(1);
                if ("PR".equals(lastN1)) {
                    payerName = s.get(2);
                    if (payerCode == null && s.get(4) != null) {
                        payerCode = s.get(4);
                    }
                } else if ("PE".equals(lastN1)) {
                    payee = new Party();
                    payee.name = s.get(2);
                    if ("XX".equals(s.get(3))) {
                        payee.npi = s.get(4);
                    } else if ("FI".equals(s.get(3))) {
                        payee.tin = s.get(4);
                    }
                }
            }
            case "N4" -> {
                if (claim == null && "PE".equals(lastN1) && payee != null) {
                    payee.zip = zip5(s.get(3));
                    payee.state = s.get(2);
                }
            }
            case "REF" -> {
                String q = s.get(1);
                if (claim == null && "2U".equals(q) && "PR".equals(lastN1)) {
                    payerCode = s.get(2);
                } else if (claim == null && "TJ".equals(q) && payee != null) {
                    payee.tin = s.get(2);
                }
            }
            case "CLP" -> startClp(s);
            case "NM1" -> {
                if (claim == null) {
                    return;
                }
                String entity = s.get(1);
                if ("QC".equals(entity)) {
                    claim.patientLastName = s.get(3);
                    claim.patientFirstName = s.get(4);
                    if (s.get(9) != null) {
                        claim.memberId = s.get(9);
                    }
                } else if ("IL".equals(entity) && s.get(9) != null) {
                    claim.memberId = s.get(9);
                } else if ("82".equals(entity) && "XX".equals(s.get(8))) {
                    claim.renderingNpi = s.get(9);
                }
            }
            case "MIA" -> {
                if (claim != null) {
                    for (int i : new int[]{5, 20, 21, 22, 23}) {
                        remark(claim.remarks, s.get(i), "MIA");
                    }
                }
            }
            case "MOA" -> {
                if (claim != null) {
                    for (int i = 3; i <= 7; i++) {
                        remark(claim.remarks, s.get(i), "MOA");
                    }
                }
            }
            case "SVC" -> startSvc(s);
            case "CAS" -> {
                if (claim == null) {
                    return;
                }
                counts.adjustments++;
                String group = s.get(1);
                for (int i = 2; i <= 17; i += 3) {
                    String reason = s.get(i);
                    if (reason == null) {
                        continue;
                    }
                    BigDecimal amount = s.decimal(i + 1, issues);
                    BigDecimal qty = s.decimal(i + 2, issues);
                    if (group == null) {
                        issues.error(s.location(1), "adjustment group code is missing");
                        continue;
                    }
                    if (amount == null) {
                        if (s.get(i + 1) == null) {
                            issues.error(s.location(i + 1), "adjustment amount for reason " + reason + " is missing");
                        }
                        continue;
                    }
                    (line != null ? line.adjustments : claim.adjustments).add(new Cas(group, reason, amount, qty));
                }
            }
            case "AMT" -> {
                if (line != null && "B6".equals(s.get(1))) {
                    line.allowed = s.decimal(2, issues);
                }
            }
            case "LQ" -> {
                if (line != null && "HE".equals(s.get(1))) {
                    remark(line.remarks, s.get(2), "LQ");
                } else if (claim != null && line == null && "HE".equals(s.get(1))) {
                    remark(claim.remarks, s.get(2), "LQ");
                }
            }
            case "PLB" -> {
                flushPaid();
                for (int i = 4; i <= 14; i += 2) {
                    BigDecimal a = s.decimal(i, issues);
                    if (a != null) {
                        sumPlb = sumPlb.add(a);
                    }
                }
            }
            default -> {
            }
        }
    }

    private static void remark(java.util.List<Remark> into, String code, String source) {
        if (code != null && !code.isBlank()) {
            into.add(new Remark(code.trim(), source));
        }
    }

    private void startClp(Segment s) {
        flushPaid();
        counts.claims++;
        PaidClaim c = new PaidClaim();
        c.segment = s.number();
        c.location = s.location();
        c.payee = payee;
        c.payerCode = payerCode != null ? payerCode : payerName;
        c.payerName = payerName;
        c.paymentTrace = trace;
        c.paymentDate = bprDate != null ? bprDate : productionDate;
        if (bprDate == null && bprDateRaw != null) {
            issues.warning(bprDateLocation, "payment date '" + bprDateRaw + "' is not a valid date; the production date (DTM*405) "
                    + productionDate + " is used instead");
            bprDateRaw = null; // warn once per transaction
        }
        c.pcn = s.get(1);
        if (c.pcn == null) {
            issues.error(s.location(1), "patient control number is missing");
        }
        c.status = s.get(2);
        if (c.status == null) {
            issues.error(s.location(2), "claim status code is missing");
        }
        c.charge = s.requiredDecimal(3, issues, "claim charge");
        c.paid = s.requiredDecimal(4, issues, "claim payment");
        c.patientResponsibility = s.decimal(5, issues);
        c.payerClaimControlNumber = s.get(7);
        c.filingIndicator = s.get(6);
        c.facilityCode = s.get(8);
        claim = c;
        line = null;
        if (c.paid != null) {
            sumClp = sumClp.add(c.paid);
        }
    }

    private void startSvc(Segment s) {
        if (claim == null) {
            issues.error(s.location(), "service line outside a claim (no CLP before it)");
            return;
        }
        counts.serviceLines++;
        PaidLine l = new PaidLine();
        // SVC06 carries the procedure as billed when the payer adjudicated a different one: link by what was billed.
        String[] proc = s.components(6).length > 1 ? s.components(6) : s.components(1);
        if (proc.length < 2 || proc[1] == null || proc[1].isEmpty()) {
            issues.error(s.location(1), "procedure code is missing");
        } else {
            l.procedureCode = proc[1];
            for (int i = 2; i < proc.length && i < 6; i++) {
                if (proc[i] != null && !proc[i].isEmpty()) {
                    l.modifiers.add(proc[i]);
                }
            }
        }
        l.charge = s.requiredDecimal(2, issues, "line charge");
        l.paid = s.requiredDecimal(3, issues, "line payment");
        l.units = s.decimal(5, issues);
        if (l.units == null) {
            l.units = BigDecimal.ONE;
        }
        claim.lines.add(l);
        line = l;
    }

    private void flushPaid() {
        if (claim == null) {
            return;
        }
        PaidClaim c = claim;
        claim = null;
        line = null;
        checkBalance(c);
        if (!issues.hasErrors()) {
            sink.paid(c);
        }
    }

    /** charge = paid + all adjustments, per claim and per line (835 balancing rule), within a cent. */
    private void checkBalance(PaidClaim c) {
        io.arbiter.intake.RemittanceBalancePolicy.check(c, null, issues);
    }

    private static BigDecimal sum(java.util.List<Cas> cas) {
        BigDecimal t = BigDecimal.ZERO;
        for (Cas a : cas) {
            t = t.add(a.amount());
        }
        return t;
    }

    static String money(BigDecimal b) {
        return b == null ? "?" : b.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    static String zip5(String zip) {
        if (zip == null) {
            return null;
        }
        String z = zip.trim();
        return z.length() > 5 ? z.substring(0, 5) : z;
    }

    // ---------------------------------------------------------------- 837P

    private void claim837(Segment s) {
        switch (s.tag()) {
            case "HL" -> {
                flushBilled();
                String level = s.get(3);
                if ("20".equals(level)) {
                    billing = new Party();
                    resetSubscriber();
                } else if ("22".equals(level)) {
                    resetSubscriber();
                } else if ("23".equals(level)) {
                    patientLoop = true;
                    patientLast = null;
                    patientFirst = null;
                    patientDob = null;
                }
            }
            case "SBR" -> filingIndicator = s.get(9);
            case "NM1" -> {
                lastNm1 = s.get(1);
                switch (lastNm1 == null ? "" : lastNm1) {
                    case "85" -> {
                        if (billing == null) {
                            billing = new Party();
                        }
                        billing.name = s.get(3);
                        if ("XX".equals(s.get(8))) {
                            billing.npi = s.get(9);
                        }
                    }
                    case "IL" -> {
                        subscriberLast = s.get(3);
                        subscriberFirst = s.get(4);
                        memberId = s.get(9);
                    }
                    case "QC" -> {
                        if (billed == null) {
                            patientLast = s.get(3);
                            patientFirst = s.get(4);
                        }
                    }
                    case "PR" -> {
                        if (billed == null) {
                            billedPayerName = s.get(3);
                            billedPayerCode = s.get(9) != null ? s.get(9) : s.get(3);
                        }
                    }
                    case "82" -> {
                        if (billed != null && billedLine == null && "XX".equals(s.get(8))) {
                            billed.renderingNpi = s.get(9);
                        }
                    }
                    case "77" -> {
                        if (billed != null && billedLine == null) {
                            billed.facilityName = s.get(3);
                            if ("XX".equals(s.get(8))) {
                                billed.facilityNpi = s.get(9);
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
            case "N4" -> {
                if ("85".equals(lastNm1) && billing != null && billed == null) {
                    billing.zip = zip5(s.get(3));
                    billing.state = s.get(2);
                } else if ("77".equals(lastNm1) && billed != null && billedLine == null) {
                    billed.serviceZip = zip5(s.get(3));
                    billed.serviceState = s.get(2);
                }
            }
            case "REF" -> {
                if ("EI".equals(s.get(1)) && billing != null && billed == null) {
                    billing.tin = s.get(2);
                } else if ("F8".equals(s.get(1)) && billed != null && billedLine == null) {
                    billed.payerClaimControlNumber = s.get(2);
                }
            }
            case "DMG" -> {
                LocalDate dob = "D8".equals(s.get(1)) ? s.date(2, issues) : null;
                if ("IL".equals(lastNm1)) {
                    subscriberDob = dob;
                } else if ("QC".equals(lastNm1)) {
                    patientDob = dob;
                }
            }
            case "CLM" -> startClm(s);
            case "HI" -> {
                if (billed != null) {
                    for (int i = 1; i <= s.size(); i++) {
                        String code = s.component(i, 2);
                        if (code != null) {
                            billed.diagnosisCodes.add(code);
                        }
                    }
                }
            }
            case "LX" -> {
                if (billed != null) {
                    billedLine = new BilledLine();
                    Integer n = null;
                    try {
                        n = s.get(1) == null ? null : Integer.parseInt(s.get(1));
                    } catch (NumberFormatException e) {
                        issues.error(s.location(1), "'" + s.get(1) + "' is not a line number");
                    }
                    billedLine.lineNumber = n == null ? billed.lines.size() + 1 : n;
                }
            }
            case "SV1" -> startSv1(s);
            case "DTP", "DTM" -> {
                if (billedLine != null && "472".equals(s.get(1))) {
                    String fmt = s.get(2);
                    if ("D8".equals(fmt)) {
                        billedLine.serviceDate = s.date(3, issues);
                    } else if ("RD8".equals(fmt)) {
                        String v = s.get(3);
                        String from = v == null ? null : v.split("-")[0];
                        billedLine.serviceDate = Segment.date(from, s.location(3), issues);
                    } else {
                        billedLine.serviceDate = s.date(2, issues);
                    }
                }
            }
            default -> {
            }
        }
    }

    private void startClm(Segment s) {
        flushBilled();
        counts.claims++;
        BilledClaim c = new BilledClaim();
        c.segment = s.number();
        c.location = s.location();
        c.billing = billing;
        c.payerCode = billedPayerCode;
        c.payerName = billedPayerName;
        c.filingIndicator = filingIndicator;
        c.memberId = memberId;
        if (patientLoop && patientLast != null) {
            c.patientLastName = patientLast;
            c.patientFirstName = patientFirst;
            c.patientBirthDate = patientDob;
        } else {
            c.patientLastName = subscriberLast;
            c.patientFirstName = subscriberFirst;
            c.patientBirthDate = subscriberDob;
        }
        c.pcn = s.get(1);
        if (c.pcn == null) {
            issues.error(s.location(1), "patient control number is missing");
        }
        c.charge = s.requiredDecimal(2, issues, "claim charge");
        c.placeOfService = s.component(5, 1);
        c.frequency = s.component(5, 3);
        if (billing != null) {
            c.serviceZip = billing.zip;
            c.serviceState = billing.state;
        }
        billed = c;
        billedLine = null;
    }

    private void startSv1(Segment s) {
        if (billed == null) {
            issues.error(s.location(), "service line outside a claim (no CLM before it)");
            return;
        }
        counts.serviceLines++;
        if (billedLine == null || billedLine.procedureCode != null) {
            BilledLine l = new BilledLine();
            l.lineNumber = billed.lines.size() + 1;
            billedLine = l;
        }
        String[] proc = s.components(1);
        if (proc.length < 2 || proc[1] == null || proc[1].isEmpty()) {
            issues.error(s.location(1), "procedure code is missing");
            billedLine.procedureCode = "";
        } else {
            billedLine.procedureCode = proc[1];
            for (int i = 2; i < proc.length && i < 6; i++) {
                if (proc[i] != null && !proc[i].isEmpty()) {
                    billedLine.modifiers.add(proc[i]);
                }
            }
        }
        billedLine.charge = s.requiredDecimal(2, issues, "line charge");
        billedLine.units = s.decimal(4, issues);
        if (billedLine.units == null) {
            billedLine.units = BigDecimal.ONE;
        }
        billed.lines.add(billedLine);
    }

    private void flushBilled() {
        if (billed == null) {
            return;
        }
        BilledClaim c = billed;
        billed = null;
        billedLine = null;
        if (c.serviceZip == null && c.billing != null) {
            c.serviceZip = c.billing.zip;
        }
        if (!issues.hasErrors()) {
            sink.billed(c);
        }
    }
}
