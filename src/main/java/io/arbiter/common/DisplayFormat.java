package io.arbiter.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How Arbiter shows values to people, in one place for packets, browser screens and printed reports: dates
 * MM/DD/YYYY, money $1,234.56 with a negative as "−$410.00" (a real minus sign, U+2212, which neither wraps
 * nor reads as a hyphen), ZIP+4 as 77030-1234, ICD-10 codes with their dot (G89.4), enum names as words.
 * Every method returns null for null, so a caller can tell "absent" from an empty string.
 */
public final class DisplayFormat {

    /** U+2212 MINUS SIGN. */
    public static final String MINUS = "\u2212";

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uuuu", Locale.US);

    /** Words kept in capitals when an enum name is turned into words. */
    private static final Set<String> ACRONYMS = Set.of("ERISA", "FEHB", "IDR", "IDRE", "QPA", "PIP", "MFDR", "NSA", "PPO",
            "HMO", "EPO", "POS", "TRICARE", "ONP", "CMS", "TDI", "DWC", "MAR", "ERA", "EOB", "CSV", "PDF", "NPI", "TIN",
            "ICD", "CPT", "HCPCS", "CARC", "RARC", "US", "TX", "OON", "APM", "SB");

    /** Enum names whose words need more than capitalisation. */
    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("SELF_FUNDED_ERISA", "Self-funded ERISA plan"),
            Map.entry("FULLY_INSURED_STATE", "Fully insured (state-regulated) plan"),
            Map.entry("STATE_EMPLOYEE", "State employee plan"),
            Map.entry("FEHB", "Federal Employees Health Benefits plan"),
            Map.entry("AUTO_PIP", "Auto personal injury protection (PIP)"),
            Map.entry("WORKERS_COMP", "Workers' compensation"),
            Map.entry("MEDICARE_ADVANTAGE", "Medicare Advantage"),
            Map.entry("TRICARE", "TRICARE"),
            Map.entry("FEDERAL_IDR", "Federal IDR"),
            Map.entry("TEXAS_ARBITRATION", "Texas arbitration"),
            Map.entry("TEXAS_PIP", "Texas PIP"),
            Map.entry("COMMERCIAL_APPEAL", "Commercial appeal"));

    private DisplayFormat() {
    }

    /** $1,234.56; negative −$410.00; rounded half-up to the cent. */
    public static String money(Number amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal v = amount instanceof BigDecimal b ? b : new BigDecimal(amount.toString());
        // DecimalFormat is not thread-safe: one per call.
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        f.setRoundingMode(RoundingMode.HALF_UP);
        String digits = f.format(v.abs());
        boolean negative = v.setScale(2, RoundingMode.HALF_UP).signum() < 0;
        return (negative ? MINUS + "$" : "$") + digits;
    }

    /** MM/DD/YYYY. */
    public static String date(LocalDate date) {
        return date == null ? null : US_DATE.format(date);
    }

    /** For templates, which hand over whatever they hold: a LocalDate is formatted, anything else is null. */
    public static String date(Object date) {
        return date instanceof LocalDate d ? date(d) : null;
    }

    /** 77030 stays 77030; 770301234 (as an 837 carries it) becomes 77030-1234; anything else is printed as given. */
    public static String zip(String zip) {
        if (zip == null) {
            return null;
        }
        String z = zip.trim();
        if (z.matches("\\d{9}")) {
            return z.substring(0, 5) + "-" + z.substring(5);
        }
        return z;
    }

    /** ICD-10-CM with its dot after the third character, as the code set writes it: G894 → G89.4, M5416 → M54.16. */
    public static String icd10(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toUpperCase(Locale.ROOT);
        if (c.length() > 3 && c.indexOf('.') < 0 && c.matches("[A-Z][0-9][0-9A-Z][0-9A-Z]{1,4}")) {
            return c.substring(0, 3) + "." + c.substring(3);
        }
        return c;
    }

    /** An enum name as words: SELF_FUNDED_ERISA → "Self-funded ERISA plan", OPEN_NEGOTIATION → "Open negotiation". */
    public static String words(Object value) {
        if (value == null) {
            return null;
        }
        String name = value instanceof Enum<?> e ? e.name() : value.toString().trim();
        if (WORDS.containsKey(name)) {
            return WORDS.get(name);
        }
        if (!name.matches("[A-Z0-9_]+")) {
            return name;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : name.split("_")) {
            if (w.isEmpty()) {
                continue;
            }
            String word = ACRONYMS.contains(w) ? w : w.toLowerCase(Locale.ROOT);
            if (sb.length() == 0 && !ACRONYMS.contains(w)) {
                word = Character.toUpperCase(word.charAt(0)) + word.substring(1);
            }
            sb.append(sb.length() == 0 ? "" : " ").append(word);
        }
        return sb.toString();
    }

    /** Whole-number percent of a base, e.g. an offer as a percent of the QPA; null when not computable. */
    public static String percentOf(BigDecimal part, BigDecimal base) {
        if (part == null || base == null || base.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(base, 0, RoundingMode.HALF_UP) + "%";
    }

    /** The instance templates see as {@code fmt} (FreeMarker calls methods on objects, not on classes). */
    public static final Instance INSTANCE = new Instance();

    /** Instance methods delegating to the static ones, for template models. */
    public static final class Instance {
        private Instance() {
        }

        public String money(Number amount) {
            return DisplayFormat.money(amount);
        }

        public String date(Object date) {
            return DisplayFormat.date(date);
        }

        public String zip(String zip) {
            return DisplayFormat.zip(zip);
        }

        public String icd10(String code) {
            return DisplayFormat.icd10(code);
        }

        public String words(Object value) {
            return DisplayFormat.words(value);
        }
    }
}
