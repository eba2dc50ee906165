package io.arbiter.pricing;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Workers' compensation fee schedules as data (rules/pricing-fee-schedules.yml):
 * FeeSchedule(state, program, dates) = base RVUs x GPCI x multiplier per category.
 */
@Singleton
public class WorkersCompSchedules {

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

    private final List<Schedule> schedules = new ArrayList<>();

    @SuppressWarnings("unchecked")
    public WorkersCompSchedules() {
        Map<String, Object> root = RuleData.load("/rules/pricing-fee-schedules.yml");
        for (Object o : (List<Object>) root.get("schedules")) {
            Map<String, Object> s = (Map<String, Object>) o;
            List<Factor> factors = new ArrayList<>();
            for (Object fo : (List<Object>) s.get("factors")) {
                Map<String, Object> f = (Map<String, Object>) fo;
                factors.add(new Factor(RuleData.date(f, "effectiveFrom", null), RuleData.date(f, "effectiveTo", null),
                        Category.valueOf(RuleData.string(f, "category")), RuleData.decimal(f, "value"),
                        Boolean.TRUE.equals(f.get("unverified")), RuleData.citation(f, "citation")));
            }
            List<String> range = RuleData.strings(s, "surgeryCodeRange");
            schedules.add(new Schedule(RuleData.string(s, "state"), RuleData.string(s, "program"), RuleData.string(s, "name"),
                    range.get(0), range.get(1), Boolean.TRUE.equals(s.get("categoryMappingUnverified")), RuleData.citation(s, "citation"),
                    List.copyOf(factors)));
        }
    }

    public Optional<Schedule> schedule(String state, String program) {
        return schedules.stream().filter(s -> s.state().equals(state) && s.program().equals(program)).findFirst();
    }

    public Optional<Schedule> forState(String state) {
        return schedules.stream().filter(s -> s.state().equals(state)).findFirst();
    }
}
