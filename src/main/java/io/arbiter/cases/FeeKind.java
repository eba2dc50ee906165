package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;

import java.util.Arrays;
import java.util.Locale;

/** What a fee paid on a case was for: the federal administrative fee, the IDR entity's or arbitrator's fee, a filing fee. */
public enum FeeKind {
    ADMIN, IDRE, ARBITRATOR, FILING, OTHER;

    /** The kind named by {@code text} in any case; blank is null; anything else is a 422 naming {@code feeKind}. */
    @Nullable
    public static FeeKind parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw CaseRuleViolation.invalid("feeKind", "'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text)
                    + "' is not a fee kind (one of " + Arrays.toString(values()) + ")");
        }
    }
}
