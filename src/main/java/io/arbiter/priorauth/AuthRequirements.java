package io.arbiter.priorauth;

import io.arbiter.common.Citation;
import io.arbiter.practice.PlanType;
import io.arbiter.pricing.RuleData;
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

    private final Map<AuthFamily, List<String>> families = new LinkedHashMap<>();
    private final List<Requirement> requirements = new ArrayList<>();
    private final List<Map<String, Object>> turnaround;
    private final int scsReliefPercent;
    private final Citation scsCitation;

    @SuppressWarnings("unchecked")
    public AuthRequirements(@Nullable @Value("${arbiter.priorauth.scs-relief-percent:}") Integer reliefOverride) {
        Map<String, Object> doc = RuleData.load("/rules/priorauth-requirements.yml");
        RuleData.map(doc, "families").forEach((k, v) -> families.put(AuthFamily.valueOf(k), RuleData.strings(Map.of("c", v), "c")));
        for (Map<String, Object> r : (List<Map<String, Object>>) doc.get("requirements")) {
            Citation c = RuleData.citation(r, "citation");
            if (Boolean.TRUE.equals(r.get("unverified"))) {
                c = new Citation(c.text(), c.url(), true);
            }
            Object validity = r.get("validityDays");
            requirements.add(new Requirement(RuleData.string(r, "key"), RuleData.string(r, "version"),
                    RuleData.strings(r, "planTypes").stream().map(PlanType::valueOf).toList(), RuleData.strings(r, "payerCodes"),
                    RuleData.strings(r, "pos"), RuleData.strings(r, "codes"),
                    r.get("family") == null ? null : AuthFamily.valueOf(RuleData.string(r, "family")),
                    RuleData.date(r, "effectiveFrom", LocalDate.MIN), r.get("effectiveTo") == null ? null : RuleData.date(r, "effectiveTo", null),
                    validity == null ? null : Integer.valueOf(validity.toString()), RuleData.strings(r, "documentation"), c));
        }
        turnaround = (List<Map<String, Object>>) doc.getOrDefault("turnaround", List.of());
        Map<String, Object> scs = RuleData.map(doc, "scsGating");
        scsReliefPercent = reliefOverride != null ? reliefOverride : RuleData.integer(scs, "reliefPercent", 50);
        scsCitation = RuleData.citation(scs, "citation");
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
        for (Map<String, Object> t : turnaround) {
            LocalDate from = RuleData.date(t, "effectiveFrom", LocalDate.MIN);
            LocalDate to = RuleData.date(t, "effectiveTo", LocalDate.MAX);
            if (RuleData.strings(t, "planTypes").contains(planType.name()) && !requested.isBefore(from) && !requested.isAfter(to)) {
                Citation c = RuleData.citation(t, "citation");
                if (Boolean.TRUE.equals(t.get("unverified"))) {
                    c = new Citation(c.text(), c.url(), true);
                }
                return Optional.of(new Turnaround(RuleData.integer(t, "standardDays", 0), RuleData.integer(t, "expeditedDays", 0), c));
            }
        }
        return Optional.empty();
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
