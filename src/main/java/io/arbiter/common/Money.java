package io.arbiter.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Money helpers: amounts are BigDecimal rounded half-up to the cent once, at the end of a computation. */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)");

    private Money() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP);
    }

    public static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? ZERO : amount;
    }

    /** Parses a money string strictly: digits, optional sign and decimal point; no thousands separators. */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            throw new NumberFormatException("empty amount");
        }
        String t = text.trim();
        if (!DECIMAL.matcher(t).matches()) { // compiled once: every X12 amount passes here
            throw new NumberFormatException("'" + t + "' is not a decimal amount");
        }
        return new BigDecimal(t);
    }
}
