package io.arbiter.denials;

import io.arbiter.common.Citation;
import io.arbiter.pricing.RuleData;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the versioned entries (effectiveFrom/effectiveTo) of the denials-*.yml rule files. */
final class DenialRules {

    private DenialRules() {
    }

    /** The entry of a versioned list in force on {@code on}. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> inForce(Object versions, LocalDate on) {
        if (!(versions instanceof List<?> list)) {
            return Optional.empty();
        }
        for (Object o : list) {
            Map<String, Object> v = (Map<String, Object>) o;
            LocalDate from = RuleData.date(v, "effectiveFrom", LocalDate.MIN);
            LocalDate to = RuleData.date(v, "effectiveTo", LocalDate.MAX);
            if (!on.isBefore(from) && !on.isAfter(to)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    static @Nullable Citation citation(Map<String, Object> entry) {
        Citation c = RuleData.citation(entry, "citation");
        if (c != null && Boolean.TRUE.equals(entry.get("unverified"))) {
            return new Citation(c.text(), c.url(), true);
        }
        return c;
    }

    static BigDecimal decimal(Map<String, Object> entry, String key) {
        return RuleData.decimal(entry, key);
    }
}
