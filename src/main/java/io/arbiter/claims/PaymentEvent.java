package io.arbiter.claims;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/** What the initial-payment rule needs of a remittance: whether it reverses an earlier one, and when it was paid. */
public interface PaymentEvent {

    boolean reversal();

    /** BPR16 / DTM*405: the day the payment or denial was issued. */
    @Nullable LocalDate paymentDate();
}
