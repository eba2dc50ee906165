package io.arbiter.intake;

import io.arbiter.practice.Npi;

/**
 * Stands between the readers (X12, CSV) and the writer and refuses what the database could only keep by bending it
 * (issue 23 item 9): a value longer than its column is an error at the claim's location instead of being cut (a
 * 5,000-character patient control number was silently kept as its first 38), and an NPI that fails its check digit
 * never names a practice (junk such as {@code @SUM(1+1)} created practices). A payee or billing provider whose NPI is
 * invalid but who has a tax id is kept by the tax id, with a warning; without one the claim is refused. An invalid
 * rendering or facility NPI is left out with a warning.
 */
final class FieldGate implements IntakeModel.Sink {

    private final Issues issues;
    private final IntakeModel.Sink next;

    FieldGate(Issues issues, IntakeModel.Sink next) {
        this.issues = issues;
        this.next = next;
    }

    @Override
    public void paid(IntakeModel.PaidClaim c) {
        int errors = errorCount();
        String at = c.location;
        width(at, "patient control number (CLP01)", c.pcn, 38);
        width(at, "payer claim control number (CLP07)", c.payerClaimControlNumber, 50);
        width(at, "payment trace number (TRN02)", c.paymentTrace, 60);
        width(at, "member id", c.memberId, 80);
        width(at, "patient last name", c.patientLastName, 100);
        width(at, "patient first name", c.patientFirstName, 100);
        width(at, "claim status (CLP02)", c.status, 4);
        width(at, "facility code (CLP08)", c.facilityCode, 4);
        width(at, "claim filing indicator (CLP06)", c.filingIndicator, 2);
        width(at, "payer id", c.payerCode, 80);
        width(at, "payer name", c.payerName, 200);
        party(at, "payee", c.payee);
        c.renderingNpi = optionalNpi(at, "rendering provider NPI", c.renderingNpi);
        for (IntakeModel.PaidLine l : c.lines) {
            String where = l.location == null ? at : l.location;
            width(where, "procedure code", l.procedureCode, 10);
            l.modifiers.forEach(m -> width(where, "modifier", m, 2));
        }
        if (errorCount() == errors) {
            next.paid(c);
        }
    }

    @Override
    public void billed(IntakeModel.BilledClaim c) {
        int errors = errorCount();
        String at = c.location;
        width(at, "patient control number (CLM01)", c.pcn, 38);
        width(at, "payer claim control number", c.payerClaimControlNumber, 50);
        width(at, "member id", c.memberId, 80);
        width(at, "patient last name", c.patientLastName, 100);
        width(at, "patient first name", c.patientFirstName, 100);
        width(at, "place of service", c.placeOfService, 4);
        width(at, "claim frequency code", c.frequency, 2);
        width(at, "claim filing indicator (SBR09)", c.filingIndicator, 2);
        width(at, "payer id", c.payerCode, 80);
        width(at, "payer name", c.payerName, 200);
        width(at, "facility name", c.facilityName, 200);
        width(at, "service facility ZIP", c.serviceZip, 10);
        party(at, "billing provider", c.billing);
        c.renderingNpi = optionalNpi(at, "rendering provider NPI", c.renderingNpi);
        c.facilityNpi = optionalNpi(at, "service facility NPI", c.facilityNpi);
        for (IntakeModel.BilledLine l : c.lines) {
            width(at, "procedure code of line " + l.lineNumber, l.procedureCode, 10);
            l.modifiers.forEach(m -> width(at, "modifier of line " + l.lineNumber, m, 2));
        }
        if (errorCount() == errors) {
            next.billed(c);
        }
    }

    @Override
    public void endOfTransaction() {
        next.endOfTransaction();
    }

    private int errorCount() {
        return issues.errors().size();
    }

    private void width(String where, String what, String value, int max) {
        if (value != null && value.length() > max) {
            issues.error(where, what + " is " + value.length() + " characters long; at most " + max
                    + " are allowed — refused rather than cut");
        }
    }

    private void party(String where, String role, IntakeModel.Party p) {
        if (p == null) {
            return;
        }
        width(where, role + " name", p.name, 200);
        width(where, role + " ZIP", p.zip, 10);
        width(where, role + " tax id", p.tin, 20);
        if (p.npi != null && !Npi.isValid(p.npi)) {
            if (p.tin != null && !p.tin.isBlank()) {
                issues.warning(where, role + " NPI '" + printable(p.npi) + "' is not a valid NPI (ten digits with a check digit);"
                        + " it is not kept, and the practice is found by tax id " + printable(p.tin));
                p.npi = null;
            } else {
                issues.error(where, role + " NPI '" + printable(p.npi) + "' is not a valid NPI (ten digits with a check digit)"
                        + " and there is no tax id to identify the practice by");
            }
        }
    }

    private String optionalNpi(String where, String what, String npi) {
        if (npi != null && !Npi.isValid(npi)) {
            issues.warning(where, what + " '" + printable(npi) + "' is not a valid NPI (ten digits with a check digit); it is not kept");
            return null;
        }
        return npi;
    }

    /** A value as it may appear in a message: control characters shown as '?', at most 40 characters. */
    private static String printable(String v) {
        String p = v.codePoints().map(cp -> Character.isISOControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return p.length() > 40 ? p.substring(0, 40) + "…" : p;
    }
}
