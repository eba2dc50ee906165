package io.arbiter.packets;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** US formats for packets: money as $1,234.56 (negative as -$1,234.56), dates as MM/DD/YYYY. */
public final class Formats {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.US);

    private Formats() {
    }

    public static String money(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        // DecimalFormat is not thread-safe: one per call is cheap enough for a packet.
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String digits = f.format(amount.abs());
        return (amount.signum() < 0 ? "-$" : "$") + digits;
    }

    public static String date(LocalDate date) {
        return date == null ? null : US_DATE.format(date);
    }

    /** Whole-number percent of a base, e.g. offer as a percent of the QPA; null when not computable. */
    public static String percentOf(BigDecimal part, BigDecimal base) {
        if (part == null || base == null || base.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(base, 0, RoundingMode.HALF_UP) + "%";
    }
}
