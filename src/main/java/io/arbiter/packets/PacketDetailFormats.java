package io.arbiter.packets;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The shape a packet fact must have before it is stored: a date of injury that is a date, a state that is two letters,
 * a ZIP or ZIP+4, an e-mail address, a U.S. telephone number. Free text (contacts, arguments) is taken as written.
 * A value that would print wrongly on a letter to a payer is refused with the reason, naming its field.
 */
final class PacketDetailFormats {

    private static final Pattern STATE = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern ZIP = Pattern.compile("\\d{5}(-?\\d{4})?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    private static final Pattern PHONE = Pattern.compile("\\+?1?[\\s.(-]*\\d{3}[\\s.)-]*\\d{3}[\\s.-]*\\d{4}(\\s*(x|ext\\.?)\\s*\\d{1,6})?",
            Pattern.CASE_INSENSITIVE);

    private PacketDetailFormats() {
    }

    /** Why the value cannot be stored under the key, or null when it can (blank always can: it clears). */
    static @Nullable String problem(String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        return switch (key) {
            case "patient.dateOfInjury" -> date(v);
            case "payer.address.state", "claim.serviceState" -> STATE.matcher(v).matches() ? null : "must be the two-letter state code, e.g. TX";
            case "claim.placeOfService" -> v.matches("\\d{2}") ? null : "must be the two-digit CMS place-of-service code, e.g. 22 or 24";
            case "payer.address.zip" -> ZIP.matcher(v).matches() ? null : "must be a ZIP code (77030) or ZIP+4 (77030-1234)";
            case "practice.email", "payer.email" -> EMAIL.matcher(v).matches() ? null : "must be an e-mail address";
            case "practice.phone", "payer.phone" -> PHONE.matcher(v).matches() ? null
                    : "must be a U.S. telephone number with area code, e.g. (713) 555-0100";
            default -> v.length() > 4000 ? "is longer than 4,000 characters" : null;
        };
    }

    private static @Nullable String date(String v) {
        try {
            LocalDate.parse(v);
            return null;
        } catch (DateTimeParseException e) {
            return "must be a date written YYYY-MM-DD";
        }
    }
}
