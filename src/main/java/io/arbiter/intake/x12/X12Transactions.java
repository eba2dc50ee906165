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
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns the segment stream of an X12 file into claims: 835 (005010X221A1) CLP loops become
 * {@link PaidClaim}s, 837P (005010X222A1) CLM loops become {@link BilledClaim}s. All transaction sets
 * of one file must be of the same type (the Import has one format).
 *
 * <p>Reading is strict so that nothing is dropped silently (issue 22, docs/intake.md): inside a
 * transaction every segment is either read or on the documented list of segments deliberately ignored
 * ({@link #IGNORED_835}, {@link #IGNORED_837}); an unknown tag, a tag in the wrong case or a segment
 * outside the loop it belongs to is a located error, and so is an empty required element of a segment
 * read (per the implementation guides).
 */
public final class X12Transactions implements Consumer<Segment> {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** 835 segments whose data Arbiter reads. */
    public static final Set<String> READ_835 = Set.of("BPR", "TRN", "DTM", "N1", "N4", "REF", "CLP", "NM1", "MIA", "MOA",
            "SVC", "CAS", "AMT", "QTY", "LQ", "PLB");
    /** 835 segments of 005010X221A1 deliberately ignored: nothing in them changes a claim's amounts or identity. */
    public static final Set<String> IGNORED_835 = Set.of("CUR", "N3", "PER", "RDM", "LX", "TS3", "TS2");
    /** 837P segments whose data Arbiter reads (DTM is read like DTP: some billing systems send it). */
    public static final Set<String> READ_837 = Set.of("HL", "SBR", "NM1", "N4", "REF", "DMG", "CLM", "HI", "LX", "SV1", "DTP", "DTM");
    /** 837P segments of 005010X222A1 deliberately ignored (attachments, notes, repricing, other-payer and drug detail). */
    public static final Set<String> IGNORED_837 = Set.of("BHT", "PER", "N3", "PRV", "CUR", "PAT", "PWK", "CN1", "AMT", "K3",
            "NTE", "CR1", "CR2", "CRC", "HCP", "CAS", "OI", "MOA", "SV5", "CR3", "MEA", "PS1", "LIN", "CTP", "SVD", "QTY", "LQ",
            "FRM");
    /** 837P segments that only exist inside a claim (2300 loop and below). */
    private static final Set<String> CLAIM_ONLY_837 = Set.of("HI", "LX", "SV1", "PWK", "CN1", "K3", "CR1", "CR2", "CRC", "HCP",
            "CAS", "OI", "MOA", "SV5", "CR3", "MEA", "PS1", "LIN", "CTP", "SVD", "LQ", "FRM");

    /** Where in an 835 the reader is (005010X221A1 loops). */
    private enum Loop835 {
        HEADER("the header (before any LX or CLP)", Set.of("BPR", "TRN", "CUR", "REF", "DTM", "N1", "N3", "N4", "PER", "RDM")),
        NUMBER("an LX header-number loop (before its first CLP)", Set.of("TS3", "TS2")),
        CLAIM("a claim (CLP loop, before its first SVC)", Set.of("CAS", "NM1", "MIA", "MOA", "REF", "DTM", "PER", "AMT", "QTY")),
        LINE("a service line (SVC loop)", Set.of("DTM", "CAS", "REF", "AMT", "QTY", "LQ")),
        SUMMARY("the summary (after PLB)", Set.of());

        final String name;
        final Set<String> members;

        Loop835(String name, Set<String> members) {
            this.name = name;
            this.members = members;
        }
    }

    private Loop835 loop;
    private boolean hierarchy837;

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

    private final java.util.List<IntakeModel.ProviderAdjustment> providerAdjustments = new java.util.ArrayList<>();

    /** The file's PLB adjustments in file order (read on the reader thread; read them after the reading is done). */
    public java.util.List<IntakeModel.ProviderAdjustment> providerAdjustments() {
        return providerAdjustments;
    }

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
                    if (placed835(s)) {
                        remittance(s);
                    }
                } else if ("837".equals(type)) {
                    if (placed837(s)) {
                        claim837(s);
                    }
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
        loop = Loop835.HEADER;
        hierarchy837 = false;
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

    /** An unknown tag (the hint names a known one written in the wrong case); null when known. */
    private String unknown(Segment s, Set<String> read, Set<String> ignored, String guide) {
        String tag = s.tag();
        if (read.contains(tag) || ignored.contains(tag)) {
            return null;
        }
        String upper = tag.toUpperCase(Locale.ROOT);
        String hint = !upper.equals(tag) && (read.contains(upper) || ignored.contains(upper))
                ? "; segment tags are upper case (" + upper + ")" : "";
        return "'" + tag + "' is not a segment Arbiter knows in " + guide + hint
                + "; the file is refused rather than skipping data it does not understand";
    }

    /**
     * True when {@code s} is known and belongs where it stands; moves the 835 loop state. Errors are
     * located at the segment; a misplaced segment is not read.
     */
    private boolean placed835(Segment s) {
        String problem = unknown(s, READ_835, IGNORED_835, "an 835 (005010X221A1)");
        if (problem != null) {
            issues.error(s.location(), problem);
            return false;
        }
        String tag = s.tag();
        Loop835 next = switch (tag) {
            case "LX" -> loop == Loop835.SUMMARY ? null : Loop835.NUMBER;
            case "CLP" -> loop == Loop835.SUMMARY ? null : Loop835.CLAIM;
            case "SVC" -> loop == Loop835.CLAIM || loop == Loop835.LINE ? Loop835.LINE : null;
            case "PLB" -> Loop835.SUMMARY;
            default -> loop.members.contains(tag) ? loop : null;
        };
        if (next == null) {
            issues.error(s.location(), tag + " does not belong in " + loop.name
                    + " of an 835 (005010X221A1); a segment out of its loop is not guessed into another");
            return false;
        }
        loop = next;
        return true;
    }

    /** As {@link #placed835} for the 837P: known tags, claim segments only inside a claim, a claim only under an HL. */
    private boolean placed837(Segment s) {
        String problem = unknown(s, READ_837, IGNORED_837, "an 837P (005010X222A1)");
        if (problem != null) {
            issues.error(s.location(), problem);
            return false;
        }
        String tag = s.tag();
        if ("HL".equals(tag)) {
            hierarchy837 = true;
        } else if ("CLM".equals(tag) && !hierarchy837) {
            issues.error(s.location(), "CLM before any HL: a claim belongs to a subscriber or patient level (2000B/2000C)");
            return false;
        } else if (CLAIM_ONLY_837.contains(tag) && billed == null) {
            issues.error(s.location(), tag + " outside a claim (no CLM after the last HL); a segment out of its loop is not guessed into another");
            return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- 835

    private void remittance(Segment s) {
        switch (s.tag()) {
            case "BPR" -> {
                bprSegment = s.number();
                s.required(1, issues, "transaction handling code (BPR01)");
                bprAmount = s.requiredDecimal(2, issues, "total payment amount (BPR02)");
                s.required(3, issues, "credit/debit flag (BPR03)");
                s.required(4, issues, "payment method (BPR04)");
                bprDateRaw = s.required(16, issues, "payment date (BPR16)");
                bprDateLocation = s.location(16);
                bprDate = Segment.tryDate(bprDateRaw);
            }
            case "TRN" -> {
                s.required(1, issues, "trace type code (TRN01)");
                String t = s.required(2, issues, "check or EFT trace number (TRN02)");
                if (trace == null) {
                    trace = t;
                }
            }
            case "DTM" -> {
                String q = s.required(1, issues, "date qualifier (DTM01)");
                // every DTM date is checked, also of qualifiers Arbiter does not store: an empty or impossible date is an error
                LocalDate d = s.requiredDate(2, issues, "date (DTM02)");
                if (claim == null) {
                    if ("405".equals(q)) {
                        productionDate = d;
                    }
                } else if (line != null && ("472".equals(q) || "150".equals(q))) {
                    if (line.serviceDate == null || "472".equals(q)) {
                        line.serviceDate = d;
                    }
                } else if (line == null && "232".equals(q)) {
                    claim.dateFrom = d;
                } else if (line == null && "233".equals(q)) {
                    claim.dateTo = d;
                }
            }
            case "N1" -> {
                lastN1 = s.required(1, issues, "entity identifier code (N101)");
                if ("PR".equals(lastN1) || "PE".equals(lastN1)) {
                    s.required(2, issues, "name (N102)");
                }
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
                String q = s.required(1, issues, "reference qualifier (REF01)");
                s.required(2, issues, "reference identification (REF02)");
                if (claim == null && "2U".equals(q) && "PR".equals(lastN1)) {
                    payerCode = s.get(2);
                } else if (claim == null && "TJ".equals(q) && payee != null) {
                    payee.tin = s.get(2);
                }
            }
            case "CLP" -> startClp(s);
            case "NM1" -> {
                String entity = s.required(1, issues, "entity identifier code (NM101)");
                s.required(2, issues, "entity type qualifier (NM102)");
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
                if (s.get(1) == null) {
                    issues.error(s.location(1), "covered days or visits count (MIA01) is required but empty");
                } else {
                    s.quantity(1, issues);
                }
                for (int i : new int[]{5, 20, 21, 22, 23}) {
                    remark(claim.remarks, s.get(i), "MIA");
                }
            }
            case "MOA" -> {
                for (int i = 3; i <= 7; i++) {
                    remark(claim.remarks, s.get(i), "MOA");
                }
            }
            case "SVC" -> startSvc(s);
            case "CAS" -> {
                counts.adjustments++;
                String group = s.required(1, issues, "adjustment group code (CAS01)");
                if (s.get(2) == null) {
                    issues.error(s.location(2), "adjustment reason code (CAS02) is required but empty");
                }
                for (int i = 2; i <= 17; i += 3) {
                    String reason = s.get(i);
                    BigDecimal amount = s.decimal(i + 1, issues);
                    BigDecimal qty = s.quantity(i + 2, issues);
                    if (reason == null) {
                        if (s.get(i + 1) != null || s.get(i + 2) != null) {
                            issues.error(s.location(i), "an adjustment amount or quantity without its reason code");
                        }
                        continue;
                    }
                    if (amount == null) {
                        if (s.get(i + 1) == null) {
                            issues.error(s.location(i + 1), "adjustment amount for reason " + reason + " is required but empty");
                        }
                        continue;
                    }
                    if (group == null) {
                        continue;
                    }
                    (line != null ? line.adjustments : claim.adjustments).add(new Cas(group, reason, amount, qty));
                }
            }
            case "AMT" -> {
                String q = s.required(1, issues, "amount qualifier (AMT01)");
                BigDecimal a = s.requiredDecimal(2, issues, "amount (AMT02)");
                if (line != null && "B6".equals(q)) {
                    line.allowed = a;
                }
            }
            case "QTY" -> {
                s.required(1, issues, "quantity qualifier (QTY01)");
                if (s.get(2) == null) {
                    issues.error(s.location(2), "quantity (QTY02) is required but empty");
                } else {
                    s.quantity(2, issues);
                }
            }
            case "LQ" -> {
                String q = s.required(1, issues, "code list qualifier (LQ01)");
                String code = s.required(2, issues, "remark code (LQ02)");
                if ("HE".equals(q)) {
                    remark(line.remarks, code, "LQ");
                }
            }
            case "PLB" -> {
                flushPaid();
                s.required(1, issues, "provider identifier (PLB01)");
                s.requiredDate(2, issues, "fiscal period date (PLB02)");
                s.required(3, issues, "adjustment identifier (PLB03)");
                if (s.get(4) == null) {
                    issues.error(s.location(4), "provider adjustment amount (PLB04) is required but empty");
                }
                for (int i = 3; i <= 13; i += 2) {
                    BigDecimal a = s.decimal(i + 1, issues);
                    if (s.get(i) == null && s.get(i + 1) != null) {
                        issues.error(s.location(i), "a provider adjustment amount without its adjustment identifier");
                    } else if (i > 3 && s.get(i) != null && s.get(i + 1) == null) {
                        issues.error(s.location(i + 1), "provider adjustment amount for " + s.get(i) + " is required but empty");
                    }
                    if (a != null) {
                        sumPlb = sumPlb.add(a);
                        if (s.get(i) != null) {
                            // PLB03/05/...: identifier, sub-element 1 the reason (WO, FB, L6…), sub-element 2 the reference
                            providerAdjustments.add(new IntakeModel.ProviderAdjustment(s.get(1), Segment.tryDate(s.get(2)),
                                    s.component(i, 1), s.component(i, 2), a, payerName, bprDate != null ? bprDate : productionDate, trace,
                                    s.location(i)));
                        }
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
        c.pcn = s.required(1, issues, "patient control number (CLP01)");
        c.status = s.required(2, issues, "claim status code (CLP02)");
        c.charge = s.requiredDecimal(3, issues, "claim charge (CLP03)");
        c.paid = s.requiredDecimal(4, issues, "claim payment (CLP04)");
        c.patientResponsibility = s.decimal(5, issues);
        c.filingIndicator = s.required(6, issues, "claim filing indicator (CLP06)");
        c.payerClaimControlNumber = s.required(7, issues, "payer claim control number (CLP07)");
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
        l.location = s.location();
        // SVC06 carries the procedure as billed when the payer adjudicated a different one: link by what was billed.
        String[] proc = s.components(6).length > 1 ? s.components(6) : s.components(1);
        if (s.component(1, 1) == null) {
            issues.error(s.location(1), "product/service id qualifier (SVC01-1) is required but empty");
        }
        if (s.component(1, 2) == null) {
            issues.error(s.location(1), "procedure code (SVC01-2) is required but empty");
        } else if (proc.length < 2 || proc[1] == null || proc[1].isEmpty()) {
            issues.error(s.location(6), "procedure code (SVC06-2) is required when SVC06 is sent");
        } else {
            l.procedureCode = proc[1];
            for (int i = 2; i < proc.length && i < 6; i++) {
                if (proc[i] != null && !proc[i].isEmpty()) {
                    l.modifiers.add(proc[i]);
                }
            }
        }
        l.charge = s.requiredDecimal(2, issues, "line charge (SVC02)");
        l.paid = s.requiredDecimal(3, issues, "line payment (SVC03)");
        l.units = s.quantity(5, issues);
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
                s.required(1, issues, "hierarchical id (HL01)");
                String level = s.required(3, issues, "hierarchical level code (HL03)");
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
            case "SBR" -> {
                s.required(1, issues, "payer responsibility sequence (SBR01)");
                filingIndicator = s.get(9);
            }
            case "NM1" -> {
                lastNm1 = s.required(1, issues, "entity identifier code (NM101)");
                s.required(2, issues, "entity type qualifier (NM102)");
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
                s.required(1, issues, "reference qualifier (REF01)");
                s.required(2, issues, "reference identification (REF02)");
                if ("EI".equals(s.get(1)) && billing != null && billed == null) {
                    billing.tin = s.get(2);
                } else if ("F8".equals(s.get(1)) && billed != null && billedLine == null) {
                    billed.payerClaimControlNumber = s.get(2);
                }
            }
            case "DMG" -> {
                String fmt = s.required(1, issues, "date format qualifier (DMG01)");
                LocalDate dob = "D8".equals(fmt) ? s.requiredDate(2, issues, "birth date (DMG02)") : null;
                if ("IL".equals(lastNm1)) {
                    subscriberDob = dob;
                } else if ("QC".equals(lastNm1)) {
                    patientDob = dob;
                }
            }
            case "CLM" -> startClm(s);
            case "HI" -> {
                if (s.component(1, 1) == null || s.component(1, 2) == null) {
                    issues.error(s.location(1), "health care code (HI01, qualifier and code) is required but empty");
                }
                for (int i = 1; i <= s.size(); i++) {
                    String code = s.component(i, 2);
                    if (code != null) {
                        billed.diagnosisCodes.add(code);
                    }
                }
            }
            case "LX" -> {
                billedLine = new BilledLine();
                Integer n = null;
                try {
                    n = s.required(1, issues, "line number (LX01)") == null ? null : Integer.parseInt(s.get(1));
                } catch (NumberFormatException e) {
                    issues.error(s.location(1), "'" + s.get(1) + "' is not a line number");
                }
                billedLine.lineNumber = n == null ? billed.lines.size() + 1 : n;
            }
            case "SV1" -> startSv1(s);
            case "DTP", "DTM" -> {
                s.required(1, issues, "date qualifier (" + s.tag() + "01)");
                String format = s.required(2, issues, "date format qualifier or date (" + s.tag() + "02)");
                if ("DTP".equals(s.tag()) || "D8".equals(format) || "RD8".equals(format)) {
                    s.required(3, issues, "date (" + s.tag() + "03)");
                }
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
        c.pcn = s.required(1, issues, "patient control number (CLM01)");
        c.charge = s.requiredDecimal(2, issues, "claim charge (CLM02)");
        if (s.component(5, 1) == null || s.component(5, 3) == null) {
            issues.error(s.location(5), "place of service and claim frequency (CLM05-1, CLM05-3) are required but empty");
        }
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
        if (s.component(1, 1) == null) {
            issues.error(s.location(1), "product/service id qualifier (SV101-1) is required but empty");
        }
        if (proc.length < 2 || proc[1] == null || proc[1].isEmpty()) {
            issues.error(s.location(1), "procedure code (SV101-2) is required but empty");
            billedLine.procedureCode = "";
        } else {
            billedLine.procedureCode = proc[1];
            for (int i = 2; i < proc.length && i < 6; i++) {
                if (proc[i] != null && !proc[i].isEmpty()) {
                    billedLine.modifiers.add(proc[i]);
                }
            }
        }
        billedLine.charge = s.requiredDecimal(2, issues, "line charge (SV102)");
        s.required(3, issues, "unit of measure (SV103)");
        if (s.get(4) == null) {
            issues.error(s.location(4), "service unit count (SV104) is required but empty");
        }
        billedLine.units = s.quantity(4, issues);
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
        io.arbiter.intake.RemittanceBalancePolicy.check(c, issues);
        if (!issues.hasErrors()) {
            sink.billed(c);
        }
    }
}
