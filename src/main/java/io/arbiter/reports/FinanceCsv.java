package io.arbiter.reports;

import io.arbiter.common.CsvCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The case-level finance CSV: one row per case, the columns finance reconciles against its ledger, then a TOTAL row. */
public final class FinanceCsv {

    public static final String[] HEADER = {"caseNumber", "payer", "track", "stage", "outcome", "opened", "decided", "billed",
            "initialPaid", "awarded", "recovered", "feesPaid", "feeRefundsReceived", "feeRefundReceivable", "feeRefundDue", "net",
            "outstanding", "firstPayment", "receivedFromRemittances", "receivedManually", "paidLate"};

    private FinanceCsv() {
    }

    public static String of(RecoveryReport.CaseList list) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (FinanceCase c : list.cases()) {
                // outcome: the standing (WITHDRAWN also covers ineligible and closed without an award), so rows partition
                p.printRecord(CsvCells.row(c.caseNumber(), c.payer(), c.track().name(), c.stage().name(), c.standing().name(), c.opened(),
                        c.decided(), c.billed(), c.initialPaid(), c.awarded(), c.recovered(), c.feesPaid(), c.feeRefundsReceived(),
                        c.feeRefundReceivable(), c.feeRefundDue(), c.net(), c.outstanding(), c.firstPayment(), c.receivedFromRemittances(),
                        c.receivedManually(), c.paidLate()));
            }
            RecoveryRow t = list.totals();
            p.printRecord(CsvCells.row("TOTAL", null, null, null, null, null, null, t.billed(), t.initialPaid(), t.awarded(), t.recovered(),
                    list.cases().stream().map(FinanceCase::feesPaid).reduce(io.arbiter.common.Money.ZERO, java.math.BigDecimal::add),
                    list.cases().stream().map(FinanceCase::feeRefundsReceived).reduce(io.arbiter.common.Money.ZERO, java.math.BigDecimal::add),
                    t.feeRefundReceivable(), null, t.net(), t.outstanding(), null, t.receivedFromRemittances(), t.receivedManually(),
                    t.paidLate()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A file name naming the period, e.g. finance-cases-2026-10-01-to-2026-12-31.csv. */
    public static String fileName(RecoveryReport.CaseList list) {
        return "finance-cases" + (list.from() == null ? "" : "-" + list.from()) + (list.to() == null ? "" : "-to-" + list.to()) + ".csv";
    }
}
