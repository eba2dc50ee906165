package io.arbiter.common;

import java.util.Arrays;

/**
 * Every CSV export passes its cells through here: a text cell starting with = + - @ tab or carriage
 * return would be run as a formula by Excel, LibreOffice or Sheets (CSV/formula injection, OWASP), so
 * it gets a leading apostrophe and is shown as text. Imported names (payers, patients) are attacker-
 * controlled. Numbers pass unchanged, so a negative amount stays a number.
 */
public final class CsvCells {

    private CsvCells() {
    }

    public static Object cell(Object value) {
        if (value instanceof CharSequence text && !text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return value;
    }

    /** The record's cells, each neutralised; for CSVPrinter.printRecord. */
    public static Object[] row(Object... values) {
        return Arrays.stream(values).map(CsvCells::cell).toArray();
    }
}
