package io.arbiter.denials;

import io.arbiter.common.Citation;
import io.arbiter.deadlines.Deadline;
import io.arbiter.deadlines.DeadlineEngine;
import io.arbiter.deadlines.DeadlineOptions;
import io.arbiter.practice.Payer;
import io.arbiter.practice.PlanType;
import io.arbiter.rules.RuleBook;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * When the appeal of a denial is due, by payer type (pain-coding-and-denials.md §7):
 * Medicare FFS redetermination 120 days from receipt and Medicare Advantage reconsideration 60 days from the notice
 * (rules/denials-appeal-windows.yml); Texas workers' comp reconsideration and MFDR from the date of service through
 * the deadline engine's WORKERS_COMP rules (28 TAC §§133.250, 133.307); every other payer
 * through the deadline engine's COMMERCIAL_APPEAL.APPEAL_DUE rule with the payer's own window
 * (Payer.appealWindowDays), the ERISA default of 180 days when none is set, and for ERISA plans never less
 * than the 180-day floor of 29 CFR 2560.503-1(h)(3)(i).
 */
@Singleton
public class AppealDeadlinePolicy {

    /** A due date with the rule it came from; unverified when a default stood in for an unknown payer window. */
    public record Window(LocalDate due, String basis, boolean unverified) {
    }

    private final DeadlineEngine engine;
    private final AppealWindowRules rules;

    public AppealDeadlinePolicy(DeadlineEngine engine, RuleBook book) {
        this.engine = engine;
        this.rules = book.get(AppealWindowRules.class);
    }

    public @Nullable Window due(@Nullable PlanType planType, @Nullable Payer payer, @Nullable LocalDate denialReceived,
                                @Nullable LocalDate dateOfService) {
        if (denialReceived == null) {
            return null;
        }
        if (planType == PlanType.WORKERS_COMP) {
            return dateOfService == null ? null : workersComp(denialReceived, dateOfService);
        }
        if (planType == PlanType.MEDICARE || planType == PlanType.MEDICARE_ADVANTAGE) {
            AppealWindowRules.Window w = rules.window(planType, denialReceived).orElse(null);
            if (w != null) {
                int days = w.days();
                Citation c = w.citation();
                String from = w.from() == null ? "receipt of the denial" : w.from();
                // An unsettled period keeps the earlier date and names the other reading with its date.
                AppealWindowRules.Alternative alt = w.alternative();
                String other = alt == null ? "" : "; other reading: " + denialReceived.plusDays(alt.days()) + " if " + alt.reading();
                return new Window(denialReceived.plusDays(days), w.level() + ": " + days
                        + " calendar days from " + from + (c.unverified() ? " (UNVERIFIED)" : "") + other + " — " + c, false);
            }
        }
        Integer window = payer == null ? null : payer.appealWindowDays();
        String floorNote = "";
        if (planType == PlanType.SELF_FUNDED_ERISA && window != null) {
            AppealWindowRules.MinimumDays floor = rules.erisaMinimum(denialReceived).orElse(null);
            int min = floor == null ? 0 : floor.days();
            if (window < min) {
                floorNote = "; payer window " + window + " days raised to the ERISA minimum of " + min + " (" + floor.citation() + ")";
                window = min;
            }
        }
        DeadlineEngine.Result r = engine.calculate(Track.COMMERCIAL_APPEAL, Map.of("DENIAL_RECEIVED", denialReceived),
                DeadlineOptions.DEFAULTS.withAppealWindowDays(window));
        Deadline d = r.deadlines().stream().filter(x -> "APPEAL_DUE".equals(x.key())).findFirst().orElse(null);
        if (d == null) {
            return null;
        }
        String source = window != null && floorNote.isEmpty() ? "payer appeal window " + window + " days"
                : window != null ? "ERISA floor" : "no payer window set: ERISA default";
        boolean defaulted = payer == null || payer.appealWindowDays() == null;
        return new Window(d.dueDate(), "Appeal due " + d.count() + " calendar days after the denial (" + source + floorNote + ") — "
                + d.citationText() + " [" + d.ruleVersion() + "]",
                // The ERISA default is a fact for ERISA plans; for other plan types it only stands in for the payer's window.
                defaulted && planType != PlanType.SELF_FUNDED_ERISA);
    }

    /** Reconsideration to the carrier, then MFDR, both counted from the date of service (rules/workers-comp.yml). */
    private @Nullable Window workersComp(LocalDate denialReceived, LocalDate dateOfService) {
        AppealWindowRules.Window w = rules.window(PlanType.WORKERS_COMP, denialReceived).orElse(null);
        if (w == null || w.deadline() == null) {
            return null;
        }
        List<Deadline> all = engine.calculate(Track.WORKERS_COMP, Map.of("DATE_OF_SERVICE", dateOfService), DeadlineOptions.DEFAULTS)
                .deadlines();
        Deadline appeal = byKey(all, w.deadline());
        if (appeal == null) {
            return null;
        }
        AppealWindowRules.NextLevel next = w.nextLevel();
        Deadline mfdr = next == null ? null : byKey(all, next.deadline());
        String alternatives = appeal.alternatives().stream().map(a -> a.dueDate() + " if " + a.reading())
                .collect(java.util.stream.Collectors.joining("; "));
        return new Window(appeal.dueDate(), w.level() + " due " + appeal.dueDate() + ", " + appeal.count()
                + (appeal.convention() == io.arbiter.rules.Convention.MONTHS_AFTER ? " months" : " days")
                + " from the date of service " + dateOfService + (appeal.unverified() ? " (UNVERIFIED" : " (")
                + (alternatives.isEmpty() ? "" : "; other reading: " + alternatives) + ") — " + appeal.citationText()
                + (mfdr == null ? "" : ". Then " + next.name() + " by " + mfdr.dueDate() + " — " + mfdr.citationText()),
                false);
    }

    private static @Nullable Deadline byKey(List<Deadline> deadlines, String key) {
        return deadlines.stream().filter(d -> d.key().equals(key)).findFirst().orElse(null);
    }
}
