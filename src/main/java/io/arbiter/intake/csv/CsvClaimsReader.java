package io.arbiter.intake.csv;

import io.arbiter.intake.Amounts;
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
import io.arbiter.intake.RemittanceBalancePolicy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the claims-with-payments CSV layout of docs/import-formats.md: one row per service line,
 * claim columns repeated on each line of a claim (the claim's first row wins), headers matched
 * case-insensitively, dates ISO (2026-08-27) or US (08/27/2026). In CSV_CLAIMS mode each claim is
 * billed, and paid too when any of its rows has a {@code paid} value; in CSV_REMITTANCES mode rows
 * are remittances only and {@code paid} is required.
 */
public final class CsvClaimsReader {

    public static final List<String> REQUIRED = List.of("patient_control_number", "billing_npi", "payer_id", "procedure_code", "charge");
    public static final Set<String> KNOWN = Set.of("patient_control_number", "billing_npi", "billing_tin", "practice_name", "payer_id",
            "payer_name", "claim_filing_indicator", "patient_last_name", "patient_first_name", "patient_birth_date", "member_id",
            "place_of_service", "frequency_code", "diagnosis_codes", "rendering_npi", "facility_name", "facility_npi", "service_zip",
            "service_state", "line_number", "procedure_code", "modifiers", "units", "service_date", "charge", "allowed", "paid",
            "patient_responsibility", "adjustments", "remark_codes", "claim_status", "payer_claim_control_number", "payment_date",
            "payment_trace");

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern CAS = Pattern.compile("([A-Za-z]{2})-([A-Za-z0-9]{1,5})[:=](-?[0-9.]+)");

    private final Issues issues;
    private final IntakeModel.Sink sink;
    private final Counts counts;
    private final boolean remittancesOnly;
    private Map<String, Integer> columns;
    /** Claims already read, to reject a claim whose rows are split (8 bytes per claim, not the rows). */
    private final LongHashSet seenClaims = new LongHashSet();

    public CsvClaimsReader(Issues issues, IntakeModel.Sink sink, Counts counts, boolean remittancesOnly) {
        this.issues = issues;
        this.sink = sink;
        this.counts = counts;
        this.remittancesOnly = remittancesOnly;
    }

    /** True when the header line names the required columns (used to detect CSV uploads). */
    public static boolean looksLikeLayout(String headerLine) {
        String h = headerLine.toLowerCase(Locale.ROOT);
        return h.contains(",") && h.contains("patient_control_number") && h.contains("procedure_code");
    }

    private int headerWidth;

    public void read(Reader reader) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            List<Row> group = new ArrayList<>();
            String groupPcn = null;
            for (CSVRecord rec : parser) {
                long line = parser.getCurrentLineNumber();
                if (columns == null) {
                    header(rec);
                    if (issues.hasErrors()) {
                        return;
                    }
                    continue;
                }
                Row row = new Row(rec, line);
                if (rec.size() > headerWidth && !surplusBlank(rec)) {
                    // A value beyond the header has no column to go to: refused rather than silently dropped (issue 22).
                    issues.error("line " + line, "the line has " + rec.size() + " values but the header names " + headerWidth
                            + " columns; values past the last column would be lost (a comma inside a value must be quoted)");
                    continue;
                }
                String pcn = row.text("patient_control_number");
                if (pcn == null) {
                    issues.error(row.where("patient_control_number"), "patient control number is missing");
                    continue;
                }
                if (groupPcn != null && !groupPcn.equals(pcn)) {
                    emit(group);
                    group.clear();
                    if (!seenClaims.add(pcn)) {
                        issues.error(row.where("patient_control_number"), "the rows of claim " + pcn + " are not consecutive "
                                + "(it appeared earlier in the file): sort the export by patient_control_number");
                    }
                } else if (groupPcn == null) {
                    seenClaims.add(pcn);
                }
                groupPcn = pcn;
                group.add(row);
                if (issues.full()) {
                    return;
                }
            }
            if (columns == null) {
                issues.error("line 1", "the file is empty: a header line is required (docs/import-formats.md)");
                return;
            }
            emit(group);
            sink.endOfTransaction();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            issues.error("file", "not readable as CSV: " + e.getMessage());
        }
    }

    /** True when every value past the header's last column is empty (a trailing comma, as spreadsheets write). */
    private boolean surplusBlank(CSVRecord rec) {
        for (int i = headerWidth; i < rec.size(); i++) {
            if (!rec.get(i).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private void header(CSVRecord rec) {
        headerWidth = rec.size();
        columns = new HashMap<>();
        for (int i = 0; i < rec.size(); i++) {
            String name = rec.get(i).trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace("\uFEFF", "");
            if (!name.isEmpty()) {
                columns.putIfAbsent(name, i);
            }
        }
        for (String r : REQUIRED) {
            if (!columns.containsKey(r)) {
                issues.error("line 1, column \"" + r + "\"", "required column \"" + r + "\" is missing (layout: docs/import-formats.md)");
            }
        }
        if (remittancesOnly && !columns.containsKey("paid")) {
            issues.error("line 1, column \"paid\"", "required column \"paid\" is missing for CSV_REMITTANCES");
        }
    }

    private final class Row {
        final CSVRecord rec;
        final long line;

        Row(CSVRecord rec, long line) {
            this.rec = rec;
            this.line = line;
        }

        String where(String col) {
            return "line " + line + ", column \"" + col + "\"";
        }

        String text(String col) {
            Integer i = columns.get(col);
            if (i == null || i >= rec.size()) {
                return null;
            }
            String v = rec.get(i).trim();
            return v.isEmpty() ? null : v;
        }

        BigDecimal amount(String col) {
            return exact(col, Amounts.MONEY);
        }

        /**
         * An amount or quantity under the X12 rules (Amounts), so '1 2', '+5' or '0.001' is an error rather than a
         * guess; only the documented leading '$' is tolerated. The parser has trimmed field padding already (a CSV
         * layout matter, not part of the value). Blank means absent.
         */
        BigDecimal exact(String col, Amounts.Kind kind) {
            Integer i = columns.get(col);
            if (i == null || i >= rec.size() || rec.get(i).isBlank()) {
                return null;
            }
            String v = rec.get(i);
            try {
                return Amounts.parse(v.startsWith("$") ? v.substring(1) : v, kind);
            } catch (Amounts.Refused e) {
                issues.error(where(col), e.getMessage());
                return null;
            }
        }

        LocalDate date(String col) {
            String v = text(col);
            if (v == null) {
                return null;
            }
            try {
                return v.contains("/") ? LocalDate.parse(v, US) : LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                issues.error(where(col), "'" + v + "' is not a valid date (YYYY-MM-DD or MM/DD/YYYY)");
                return null;
            }
        }
    }

    private void emit(List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Row first = rows.get(0);
        counts.claims++;
        Party party = new Party();
        party.npi = first.text("billing_npi");
        party.tin = first.text("billing_tin");
        party.name = first.text("practice_name");
        if (party.npi == null) {
            issues.error(first.where("billing_npi"), "billing NPI is missing");
        }
        if (first.text("payer_id") == null) {
            issues.error(first.where("payer_id"), "payer id is missing");
        }
        BilledClaim b = new BilledClaim();
        b.segment = (int) first.line;
        b.location = "line " + first.line;
        b.billing = party;
        b.payerCode = first.text("payer_id");
        b.payerName = first.text("payer_name");
        b.filingIndicator = first.text("claim_filing_indicator");
        b.patientLastName = first.text("patient_last_name");
        b.patientFirstName = first.text("patient_first_name");
        b.patientBirthDate = first.date("patient_birth_date");
        b.memberId = first.text("member_id");
        b.pcn = first.text("patient_control_number");
        b.placeOfService = first.text("place_of_service");
        b.frequency = first.text("frequency_code");
        b.payerClaimControlNumber = first.text("payer_claim_control_number");
        String dx = first.text("diagnosis_codes");
        if (dx != null) {
            for (String d : dx.split("[;,| ]+")) {
                if (!d.isBlank()) {
                    b.diagnosisCodes.add(d.trim());
                }
            }
        }
        b.renderingNpi = first.text("rendering_npi");
        b.facilityName = first.text("facility_name");
        b.facilityNpi = first.text("facility_npi");
        String zip = first.text("service_zip");
        b.serviceZip = zip == null ? null : zip.length() > 5 ? zip.substring(0, 5) : zip;
        b.serviceState = first.text("service_state");

        PaidClaim p = new PaidClaim();
        p.segment = b.segment;
        p.location = b.location;
        p.payee = party;
        p.payerCode = b.payerCode;
        p.payerName = b.payerName;
        p.pcn = b.pcn;
        p.payerClaimControlNumber = b.payerClaimControlNumber;
        p.paymentDate = first.date("payment_date");
        p.paymentTrace = first.text("payment_trace");
        p.patientLastName = b.patientLastName;
        p.patientFirstName = b.patientFirstName;
        p.memberId = b.memberId;
        p.renderingNpi = b.renderingNpi;
        p.facilityCode = b.placeOfService;
        p.status = first.text("claim_status");
        boolean anyPaid = false;
        boolean allPaid = true;
        BigDecimal charge = BigDecimal.ZERO;
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal resp = BigDecimal.ZERO;
        boolean respGiven = false;
        int n = 0;
        for (Row r : rows) {
            counts.serviceLines++;
            n++;
            BilledLine bl = new BilledLine();
            String ln = r.text("line_number");
            try {
                bl.lineNumber = ln == null ? n : Integer.parseInt(ln);
            } catch (NumberFormatException e) {
                issues.error(r.where("line_number"), "'" + ln + "' is not a line number");
            }
            bl.procedureCode = r.text("procedure_code");
            if (bl.procedureCode == null) {
                issues.error(r.where("procedure_code"), "procedure code is missing");
            }
            String mods = r.text("modifiers");
            if (mods != null) {
                for (String m : mods.split("[;:, ]+")) {
                    if (!m.isBlank()) {
                        bl.modifiers.add(m.trim());
                    }
                }
            }
            bl.units = r.exact("units", Amounts.QUANTITY);
            if (bl.units == null) {
                bl.units = BigDecimal.ONE;
            }
            bl.charge = r.amount("charge");
            if (bl.charge == null) {
                if (r.text("charge") == null) {
                    issues.error(r.where("charge"), "charge is missing");
                }
                bl.charge = BigDecimal.ZERO;
            }
            bl.serviceDate = r.date("service_date");
            b.lines.add(bl);
            charge = charge.add(bl.charge);

            PaidLine pl = new PaidLine();
            pl.procedureCode = bl.procedureCode;
            pl.modifiers.addAll(bl.modifiers);
            pl.units = bl.units;
            pl.charge = bl.charge;
            pl.serviceDate = bl.serviceDate;
            pl.allowed = r.amount("allowed");
            pl.paid = r.amount("paid");
            if (pl.paid != null) {
                anyPaid = true;
            } else {
                allPaid = false;
            }
            if (pl.paid == null && remittancesOnly) {
                issues.error(r.where("paid"), "paid is missing");
            }
            pl.paid = pl.paid == null ? BigDecimal.ZERO : pl.paid;
            paid = paid.add(pl.paid);
            BigDecimal lr = r.amount("patient_responsibility");
            if (lr != null) {
                respGiven = true;
                resp = resp.add(lr);
            }
            String adj = r.text("adjustments");
            if (adj != null) {
                for (String part : adj.split("[;|]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    Matcher m = CAS.matcher(part.trim());
                    if (!m.matches()) {
                        issues.error(r.where("adjustments"), "'" + part.trim() + "' is not GROUP-REASON:AMOUNT (e.g. CO-45:1502.71)");
                        continue;
                    }
                    try {
                        pl.adjustments.add(new Cas(m.group(1).toUpperCase(Locale.ROOT), m.group(2).toUpperCase(Locale.ROOT),
                                Amounts.parse(m.group(3), Amounts.MONEY), null));
                        counts.adjustments++;
                    } catch (Amounts.Refused e) {
                        issues.error(r.where("adjustments"), e.getMessage());
                    }
                }
            }
            String rarcs = r.text("remark_codes");
            if (rarcs != null) {
                for (String code : rarcs.split("[;:, |]+")) {
                    if (!code.isBlank()) {
                        pl.remarks.add(new Remark(code.trim().toUpperCase(Locale.ROOT), "CSV"));
                    }
                }
            }
            p.lines.add(pl);
        }
        b.charge = charge;
        p.charge = charge;
        p.paid = paid;
        if (!respGiven) {
            for (PaidLine pl : p.lines) {
                for (Cas a : pl.adjustments) {
                    if ("PR".equals(a.group())) {
                        resp = resp.add(a.amount());
                    }
                }
            }
        }
        p.patientResponsibility = resp;
        if (columns.containsKey("paid") && columns.containsKey("adjustments") && allPaid) {
            // the file states paid and adjustments for every line: the 835 balancing rule applies
            List<String> where = new ArrayList<>(rows.size());
            for (Row r : rows) {
                where.add("line " + r.line);
            }
            RemittanceBalancePolicy.check(p, where, issues);
        }
        if (p.status == null) {
            p.status = paid.signum() > 0 ? "1" : "4";
        }
        if (issues.hasErrors()) {
            return;
        }
        if (!remittancesOnly) {
            sink.billed(b);
        }
        if (remittancesOnly || anyPaid) {
            sink.paid(p);
        }
    }

    /**
     * Set of 64-bit hashes of claim numbers (open addressing): a split claim is detected in 8-16 bytes
     * per claim instead of keeping its rows. Two different numbers sharing a 64-bit hash (odds about
     * n²/2^65, 3·10^-8 for a million claims) would be reported as split.
     */
    static final class LongHashSet {
        private long[] slots = new long[1 << 10];
        private boolean zero;
        private int size;

        boolean add(String s) {
            long h = 0xcbf29ce484222325L; // FNV-1a 64
            for (int i = 0; i < s.length(); i++) {
                h = (h ^ s.charAt(i)) * 0x100000001b3L;
            }
            return add(h);
        }

        boolean add(long h) {
            if (h == 0) {
                boolean added = !zero;
                zero = true;
                return added;
            }
            if (size * 2 >= slots.length) {
                long[] old = slots;
                slots = new long[old.length * 2];
                size = 0;
                for (long v : old) {
                    if (v != 0) {
                        add(v);
                    }
                }
            }
            int mask = slots.length - 1;
            int i = (int) (h ^ (h >>> 32)) & mask;
            while (slots[i] != 0) {
                if (slots[i] == h) {
                    return false;
                }
                i = (i + 1) & mask;
            }
            slots[i] = h;
            size++;
            return true;
        }
    }
}
