package io.arbiter.denials;

import io.arbiter.common.Citation;
import io.arbiter.practice.PlanType;
import io.arbiter.rules.EffectivePeriod;
import io.arbiter.rules.RuleNode;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** rules/denials-appeal-windows.yml bound to records: appeal windows by plan type and the denial policies beside them. */
public record AppealWindowRules(Map<PlanType, List<Window>> windows, List<MinimumDays> erisaMinimumDays,
                                CodeRule correctedClaim, NotAppealable notAppealable, List<Recoverability> recoverability) {

    /** The other reading of an unsettled period. */
    public record Alternative(int days, String reading) {
    }

    /** The next level after a workers' comp reconsideration (a deadline of the deadline engine). */
    public record NextLevel(String name, String deadline) {
    }

    /**
     * One version of a plan type's first appeal level: a fixed period in days (Medicare, MA), or a deadline the deadline
     * engine computes ({@code deadline}, workers' comp).
     */
    public record Window(EffectivePeriod period, String level, int days, @Nullable String from, @Nullable Alternative alternative,
                         @Nullable String deadline, @Nullable NextLevel nextLevel, List<String> nextLevels, Citation citation) {
    }

    public record MinimumDays(EffectivePeriod period, int days, Citation citation) {
    }

    public record CodeRule(Set<String> carcs, Set<String> rarcs, Citation citation) {
    }

    public record NotAppealable(Set<String> rarcs, Set<String> medicareCarcs, Citation citation) {
    }

    public record Recoverability(EffectivePeriod period, BigDecimal rate, Citation citation) {
    }

    public Optional<Window> window(PlanType type, LocalDate on) {
        return windows.getOrDefault(type, List.of()).stream().filter(w -> w.period().covers(on)).findFirst();
    }

    public Optional<MinimumDays> erisaMinimum(LocalDate on) {
        return erisaMinimumDays.stream().filter(m -> m.period().covers(on)).findFirst();
    }

    public Optional<Recoverability> recoverability(LocalDate on) {
        return recoverability.stream().filter(r -> r.period().covers(on)).findFirst();
    }

    static AppealWindowRules bind(RuleNode root) {
        Map<PlanType, List<Window>> windows = new EnumMap<>(PlanType.class);
        root.entries("windows").forEach((type, versions) -> {
            PlanType planType = versions.named(type, PlanType.class, "plan type");
            List<Window> list = new ArrayList<>();
            for (RuleNode w : versions.items()) {
                list.add(window(w));
            }
            if (planType != null) {
                windows.put(planType, list);
            }
        });
        List<MinimumDays> floors = root.list("erisaMinimumDays").stream()
                .map(m -> new MinimumDays(m.period(), m.integer("days"), m.citation("citation"))).toList();
        RuleNode cc = root.get("correctedClaim");
        RuleNode na = root.get("notAppealable");
        List<Recoverability> rates = root.list("recoverability").stream()
                .map(r -> new Recoverability(r.period(), r.decimal("rate"), r.citation("citation"))).toList();
        return new AppealWindowRules(windows, floors,
                new CodeRule(Set.copyOf(cc.strings("carcs")), Set.copyOf(cc.strings("rarcs")), cc.citation("citation")),
                new NotAppealable(Set.copyOf(na.strings("rarcs")), Set.copyOf(na.strings("medicareCarcs")), na.citation("citation")),
                rates);
    }

    private static Window window(RuleNode w) {
        RuleNode alt = w.get("alternative");
        RuleNode next = w.get("nextLevel");
        String deadline = w.optionalText("deadline");
        int days = deadline == null ? w.integer("days") : 0;
        return new Window(w.period(), w.text("level"), days, w.optionalText("from"),
                alt.present() ? new Alternative(alt.integer("days"), alt.text("reading")) : null,
                deadline, next.present() ? new NextLevel(next.text("name"), next.text("deadline")) : null,
                w.strings("nextLevels"), w.citation("citation"));
    }
}
