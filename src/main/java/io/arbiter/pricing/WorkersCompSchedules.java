package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.arbiter.rules.EffectivePeriod;
import io.arbiter.rules.RuleNode;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Workers' compensation fee schedules as data (rules/pricing-fee-schedules.yml, bound by PricingRuleFiles):
 * FeeSchedule(state, program, dates) = base RVUs x GPCI x multiplier per category.
 */
public final class WorkersCompSchedules {

    public enum Category { STANDARD, SURGERY_FACILITY }

    public record Factor(LocalDate from, LocalDate to, Category category, @Nullable BigDecimal value, boolean unverified, Citation citation) {
    }

    public record Schedule(String state, String program, String name, String surgeryFrom, String surgeryTo,
                           boolean categoryMappingUnverified, Citation citation, List<Factor> factors) {

        public Category category(String code, boolean facility) {
            boolean surgery = code.matches("\\d{5}") && code.compareTo(surgeryFrom) >= 0 && code.compareTo(surgeryTo) <= 0;
            return surgery && facility ? Category.SURGERY_FACILITY : Category.STANDARD;
        }

        public Optional<Factor> factor(Category category, LocalDate dos) {
            return factors.stream().filter(f -> f.category() == category && !dos.isBefore(f.from()) && !dos.isAfter(f.to())).findFirst();
        }
    }

    private final List<Schedule> schedules;

    private WorkersCompSchedules(List<Schedule> schedules) {
        this.schedules = List.copyOf(schedules);
    }

    static WorkersCompSchedules bind(RuleNode root) {
        List<Schedule> schedules = new ArrayList<>();
        for (RuleNode s : root.list("schedules")) {
            List<Factor> factors = new ArrayList<>();
            for (RuleNode f : s.list("factors")) {
                EffectivePeriod period = f.period();
                // A factor not yet published is written as value: null and must say so (unverified).
                BigDecimal value = f.optionalDecimal("value");
                if (value == null && !f.flag("unverified")) {
                    f.problem("value", "is missing: a factor without a value must be marked unverified: true");
                }
                factors.add(new Factor(period.from(), period.to() == null ? LocalDate.MAX : period.to(),
                        f.enumValue("category", Category.class), value, f.flag("unverified"), f.citation("citation")));
            }
            List<String> range = s.strings("surgeryCodeRange");
            if (range.size() != 2) {
                s.problem("surgeryCodeRange", "must list the first and last code of the range");
                range = List.of("", "");
            }
            schedules.add(new Schedule(s.text("state"), s.text("program"), s.text("name"), range.get(0), range.get(1),
                    s.flag("categoryMappingUnverified"), s.citation("citation"), List.copyOf(factors)));
        }
        return new WorkersCompSchedules(schedules);
    }

    public Optional<Schedule> schedule(String state, String program) {
        return schedules.stream().filter(s -> s.state().equals(state) && s.program().equals(program)).findFirst();
    }

    public Optional<Schedule> forState(String state) {
        return schedules.stream().filter(s -> s.state().equals(state)).findFirst();
    }
}
