package io.arbiter.rules;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dated rule entry says, typed by its {@link RuleKind}: the loader binds the {@code params} of every entry to one
 * of these records (problems named by file and path), so readers never parse rule values back out of text.
 */
public sealed interface RuleTerms {

    /** The terms as text, for the rule-data API and screens. */
    Map<String, String> describe();

    /** Where a deadline rule's count comes from instead of the file when an operator or a request sets it. */
    enum ConfigurableCount {
        /** arbiter.deadlines.wc-reconsideration-months or the request's option (workers' comp reconsideration). */
        WC_RECONSIDERATION_MONTHS,
        /** The plan's own appeal window given with the request (ERISA's 180 days is a floor). */
        PAYER_APPEAL_WINDOW_DAYS
    }

    /** A condition outside the dates that a deadline applies under. */
    enum Requirement {
        /** Only where the 2026 portal-based open negotiation applies. */
        PORTAL_OPEN_NEGOTIATION
    }

    /** How a Texas period ending on a weekend or holiday moves (Code Construction Act) — or does not. */
    enum RollForward {
        NONE, TEXAS
    }

    /** A deadline: {@code count} days/months of {@code dayType} after the trigger {@code from}, read by {@code convention}. */
    record Deadline(Track track, String from, int count, DayType dayType, Convention convention, RollForward rollForward,
                    @Nullable Requirement requires, @Nullable ConfigurableCount configurableCount,
                    List<Alternative> alternatives) implements RuleTerms {

        public boolean texasRollForward() {
            return rollForward == RollForward.TEXAS;
        }

        @Override
        public Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("track", track.name());
            m.put("from", from);
            m.put("count", Integer.toString(count));
            m.put("dayType", dayType.name());
            m.put("convention", convention.name());
            m.put("rollForward", rollForward.name());
            if (requires != null) {
                m.put("requires", requires.name());
            }
            if (configurableCount != null) {
                m.put("configurableCount", configurableCount.name());
            }
            for (int i = 0; i < alternatives.size(); i++) {
                Alternative a = alternatives.get(i);
                m.put("alternatives[" + i + "]", a.reading() + " (" + (a.count() == null ? "" : a.count() + " ") + a.dayType() + ", " + a.convention() + ")");
            }
            return m;
        }
    }

    /**
     * Another reading of a deadline (UNVERIFIED or conflicting sources); unset parts are the rule's own. A null
     * {@code count} keeps the rule's count as applied, which an operator or a request may have configured.
     */
    record Alternative(String reading, Convention convention, @Nullable Integer count, DayType dayType) {

        public int countOr(int appliedCount) {
            return count == null ? appliedCount : count;
        }
    }

    /** A fee: a fixed {@code amount}, or a {@code min}..{@code max} range that may grow per block of batched lines. */
    record Fee(@Nullable BigDecimal amount, @Nullable BigDecimal min, @Nullable BigDecimal max,
               @Nullable BatchIncrement increment) implements RuleTerms {

        public BigDecimal requireAmount() {
            if (amount == null) {
                throw new IllegalStateException("fee rule has a range, not an amount");
            }
            return amount;
        }

        public BigDecimal requireMin() {
            if (min == null) {
                throw new IllegalStateException("fee rule has an amount, not a range");
            }
            return min;
        }

        public BigDecimal requireMax() {
            if (max == null) {
                throw new IllegalStateException("fee rule has an amount, not a range");
            }
            return max;
        }

        @Override
        public Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            if (amount != null) {
                m.put("amount", amount.toPlainString());
            }
            if (min != null) {
                m.put("min", min.toPlainString());
                m.put("max", max.toPlainString());
            }
            if (increment != null) {
                m.put("baseLines", Integer.toString(increment.baseLines()));
                m.put("incrementBlock", Integer.toString(increment.block()));
                m.put("incrementMin", increment.min().toPlainString());
                m.put("incrementMax", increment.max().toPlainString());
            }
            return m;
        }
    }

    /** Batched fee growth: {@code min}..{@code max} more per started block of {@code block} lines beyond {@code baseLines}. */
    record BatchIncrement(int baseLines, int block, BigDecimal min, BigDecimal max) {

        /** How many increments a batch of {@code lineCount} lines adds. */
        public int blocks(int lineCount) {
            return lineCount <= baseLines ? 0 : (lineCount - baseLines + block - 1) / block;
        }
    }

    /** One value: a date, a whole number or a yes/no — or none (null in the file: "not set"). */
    record Value(@Nullable LocalDate date, @Nullable Integer number, @Nullable Boolean flag) implements RuleTerms {

        public LocalDate requireDate() {
            if (date == null) {
                throw new IllegalStateException("rule value is not a date");
            }
            return date;
        }

        public int requireNumber() {
            if (number == null) {
                throw new IllegalStateException("rule value is not a whole number");
            }
            return number;
        }

        @Override
        public Map<String, String> describe() {
            Object v = date != null ? date : number != null ? number : flag;
            Map<String, String> m = new LinkedHashMap<>();
            m.put("value", v == null ? null : v.toString());
            return m;
        }
    }

    /** A list of codes (RARCs, places of service, states, filing indicators). */
    record CodeList(List<String> codes) implements RuleTerms {

        @Override
        public Map<String, String> describe() {
            return Map.of("codes", String.join(", ", codes));
        }
    }

    /** A holiday: a fixed {@code month}/{@code day}, or the {@code nth} (-1: last) {@code weekday} of the month, shifted. */
    record Holiday(String name, int month, @Nullable Integer day, @Nullable DayOfWeek weekday, int nth,
                   int offsetDays) implements RuleTerms {

        @Override
        public Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("month", Integer.toString(month));
            if (day != null) {
                m.put("day", day.toString());
            } else {
                m.put("weekday", weekday.name());
                m.put("nth", Integer.toString(nth));
            }
            if (offsetDays != 0) {
                m.put("offsetDays", Integer.toString(offsetDays));
            }
            return m;
        }
    }

    /** A one-off closure of federal offices by executive order. */
    record Closure(LocalDate date) implements RuleTerms {

        @Override
        public Map<String, String> describe() {
            return Map.of("date", date.toString());
        }
    }
}
