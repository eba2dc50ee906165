package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * The defensible amount for one line, rounded half-up to the cent once after all adjustments,
 * with the steps and figures that produced it and their sources. {@code expected} is null when the
 * line could not be priced; {@code missing} then says what data is absent (never guessed).
 */
@Serdeable
public record PricedLine(@Nullable Long lineId, int lineNumber, String code, List<String> modifiers,
                         @Nullable BigDecimal expected, String basis, List<String> steps, List<Citation> citations,
                         List<String> flags, @Nullable String missing) {

    public boolean priced() {
        return expected != null;
    }

    public String explanation() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(i + 1).append(") ").append(steps.get(i));
        }
        return sb.toString();
    }

    public String citationText() {
        return String.join(" | ", citations.stream().map(Citation::toString).distinct().toList());
    }
}
