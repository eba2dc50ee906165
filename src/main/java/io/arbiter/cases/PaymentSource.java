package io.arbiter.cases;

/** Where a payment on a case came from (issue 17): finance reconciles each source to the bank. */
public enum PaymentSource {
    /** Typed in by a person: a paper check, or a payment recorded before the 835 arrived. */
    MANUAL,
    /** Matched from an imported 835 by the reconciliation, without anyone typing it. */
    REMITTANCE,
    /** Assigned by finance from the unmatched-payments queue. */
    QUEUE
}
