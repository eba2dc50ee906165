package io.arbiter.reconciliation;

import java.util.Map;

/** The PLB adjustment reason codes finance meets most (X12 835 PLB03-1), in words for the queue. */
final class ProviderAdjustmentCodes {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("L6", "interest owed"),
            Map.entry("WO", "overpayment recovery"),
            Map.entry("FB", "forward balance"),
            Map.entry("CS", "adjustment"),
            Map.entry("72", "authorized return"),
            Map.entry("J1", "non-reimbursable"),
            Map.entry("IR", "IRS withholding"),
            Map.entry("AH", "origination fee"),
            Map.entry("B2", "rebate"),
            Map.entry("BD", "bad debt adjustment"),
            Map.entry("CV", "capital passthru"),
            Map.entry("LE", "levy"),
            Map.entry("WU", "unspecified recovery"),
            Map.entry("90", "early payment allowance"),
            Map.entry("50", "late charge"));

    private ProviderAdjustmentCodes() {
    }

    static String describe(String code) {
        return WORDS.getOrDefault(code, "provider-level adjustment");
    }
}
