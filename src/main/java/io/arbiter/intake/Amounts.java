package io.arbiter.intake;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * What intake accepts as an amount or a quantity: X12 decimal syntax only (data type R: optional
 * leading minus, digits, optional decimal point; no exponent, plus sign, spaces or thousands
 * separators), stored exactly or refused. A value that would need rounding to fit its column
 * (DECIMAL(12,2) for money, DECIMAL(9,3) for units), or that exceeds the column's range, is a located
 * error, never a rounded value or a database exception. Trailing zeros beyond the column's scale
 * ({@code 12.500}) are exact and accepted. The same rules serve the 835, the 837P and the CSV layouts.
 */
public final class Amounts {

    /** X12 R: an optional leading minus, digits with an optional decimal point anywhere. */
    private static final Pattern X12_DECIMAL = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** Money columns are DECIMAL(12,2): 10 integer digits. */
    public static final Kind MONEY = new Kind("amount", 2, 10);
    /** Unit columns are DECIMAL(9,3): 6 integer digits. */
    public static final Kind QUANTITY = new Kind("quantity", 3, 6);

    private Amounts() {
    }

    /** A column's shape: its name in messages, scale and number of integer digits. */
    public record Kind(String name, int scale, int integerDigits) {
    }

    /** Why a text is not an exact amount of {@code kind}; thrown with a message fit for the user. */
    public static final class Refused extends Exception {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses {@code text} exactly as {@code kind}; {@link Refused} names what is wrong. */
    public static BigDecimal parse(String text, Kind kind) throws Refused {
        if (text == null || text.isEmpty()) {
            throw new Refused("the " + kind.name + " is empty");
        }
        if (!X12_DECIMAL.matcher(text).matches()) {
            throw new Refused("'" + text + "' is not a decimal " + kind.name
                    + " (digits with an optional leading minus and decimal point; no spaces, plus sign or exponent)");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.signum() != 0 && value.stripTrailingZeros().scale() > kind.scale) {
            throw new Refused("'" + text + "' has more than " + kind.scale + " decimals; it cannot be stored without rounding");
        }
        if (value.abs().compareTo(BigDecimal.TEN.pow(kind.integerDigits)) >= 0) {
            throw new Refused("'" + text + "' is beyond the largest storable " + kind.name + " ("
                    + BigDecimal.TEN.pow(kind.integerDigits).subtract(BigDecimal.ONE.movePointLeft(kind.scale)).toPlainString() + ")");
        }
        // only trailing zeros remain beyond the scale here: dropping them is exact
        return value.scale() > kind.scale ? value.setScale(kind.scale, RoundingMode.UNNECESSARY) : value;
    }
}
