package io.arbiter.priorauth;

import io.arbiter.common.Citation;
import io.arbiter.practice.PlanType;
import io.arbiter.rules.EffectivePeriod;
import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleNode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prior-authorization requirements as data (rules/priorauth-requirements.yml, pain-coding-and-denials.md §4):
 * which payer scope and procedure family needs an auth on a date of service, how long an approval stays
 * valid, the clinical documentation to send, and the decision turnaround clocks.
 */
@Singleton
public class AuthRequirements {

    public record Requirement(String key, String version, List<PlanType> planTypes, List<String> payerCodes, List<String> pos,
                              List<String> codes, @Nullable AuthFamily family, LocalDate effectiveFrom, @Nullable LocalDate effectiveTo,
                              @Nullable Integer validityDays, List<String> documentation, Citation citation) {

        boolean applies(PlanType planType, @Nullable String payerCode, @Nullable String placeOfService, String code,
                        AuthFamily codeFamily, LocalDate dos) {
            return planTypes.contains(planType)
                    && (payerCodes.isEmpty() || payerCodes.contains(payerCode))
                    && (pos.isEmpty() || pos.contains(placeOfService))
                    && (codes.isEmpty() ? family == codeFamily : codes.contains(code))
                    && !dos.isBefore(effectiveFrom) && (effectiveTo == null || !dos.isAfter(effectiveTo));
        }
    }

    public record Turnaround(int standardDays, int expeditedDays, Citation citation) {
    }

    /** One version of a decision-turnaround clock for some plan types. */
    public record TurnaroundRule(EffectivePeriod period, List<PlanType> planTypes, Turnaround turnaround) {
    }

    /** rules/priorauth-requirements.yml bound to records. */
    public record Rules(Map<AuthFamily, List<String>> families, List<Requirement> requirements, List<TurnaroundRule> turnaround,
                        int scsReliefPercent, Citation scsCitation) {

        static Rules bind(RuleNode doc) {
            Map<AuthFamily, List<String>> families = new LinkedHashMap<>();
            doc.entries("families").forEach((k, v) -> {
                AuthFamily family = v.named(k, AuthFamily.class, "procedure family");
                if (family != null) {
                    families.put(family, v.items().stream().map(RuleNode::scalar).toList());
                }
            });
            List<Requirement> requirements = new ArrayList<>();
            for (RuleNode r : doc.list("requirements")) {
                EffectivePeriod period = r.optionalPeriod();
                requirements.add(new Requirement(r.text("key"), r.text("version"), planTypes(r), r.strings("payerCodes"),
                        r.strings("pos"), r.strings("codes"), r.optionalEnum("family", AuthFamily.class), period.from(), period.to(),
                        r.optionalInteger("validityDays"), r.strings("documentation"), r.citation("citation")));
            }
            List<TurnaroundRule> turnaround = doc.list("turnaround").stream().map(t -> new TurnaroundRule(t.optionalPeriod(),
                    planTypes(t), new Turnaround(t.integer("standardDays"), t.integer("expeditedDays"), t.citation("citation")))).toList();
            RuleNode scs = doc.get("scsGating");
            return new Rules(families, requirements, turnaround, scs.integer("reliefPercent"), scs.citation("citation"));
        }

        private static List<PlanType> planTypes(RuleNode r) {
            return r.list("planTypes").stream().map(n -> n.asEnum(PlanType.class, "plan type")).filter(java.util.Objects::nonNull).toList();
        }
    }

    private final Map<AuthFamily, List<String>> families;
    private final List<Requirement> requirements;
    private final List<TurnaroundRule> turnaround;
    private final int scsReliefPercent;
    private final Citation scsCitation;

    public AuthRequirements(RuleBook book, @Nullable @Value("${arbiter.priorauth.scs-relief-percent:}") Integer reliefOverride) {
        Rules rules = book.get(Rules.class);
        families = rules.families();
        requirements = rules.requirements();
        turnaround = rules.turnaround();
        scsReliefPercent = reliefOverride != null ? reliefOverride : rules.scsReliefPercent();
        scsCitation = rules.scsCitation();
    }

    /** The code's family; 63650 is the permanent implant when the same claim (date) carries the generator 63685. */
    public Optional<AuthFamily> family(String code, Collection<String> codesOnSameDate) {
        if (families.get(AuthFamily.SCS_TRIAL).contains(code) && codesOnSameDate.contains("63685")) {
            return Optional.of(AuthFamily.SCS_PERMANENT);
        }
        return families.entrySet().stream().filter(e -> e.getValue().contains(code)).map(Map.Entry::getKey).findFirst();
    }

    public Optional<Requirement> find(PlanType planType, @Nullable String payerCode, @Nullable String pos, String code,
                                      AuthFamily family, LocalDate dos) {
        // Payer-specific entries first, then the typical ones, each in file order.
        return requirements.stream().sorted((a, b) -> Boolean.compare(a.payerCodes().isEmpty(), b.payerCodes().isEmpty()))
                .filter(r -> r.applies(planType, payerCode, pos, code, family, dos)).findFirst();
    }

    public Optional<Turnaround> turnaround(@Nullable PlanType planType, LocalDate requested) {
        if (planType == null) {
            return Optional.empty();
        }
        return turnaround.stream().filter(t -> t.planTypes().contains(planType) && t.period().covers(requested))
                .map(TurnaroundRule::turnaround).findFirst();
    }

    public int scsReliefPercent() {
        return scsReliefPercent;
    }

    public Citation scsCitation() {
        return scsCitation;
    }

    public List<Requirement> requirements() {
        return List.copyOf(requirements);
    }
}
