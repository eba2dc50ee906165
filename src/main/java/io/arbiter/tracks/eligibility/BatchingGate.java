package io.arbiter.tracks.eligibility;

import io.arbiter.calendar.Calendars;
import io.arbiter.deadlines.DisputeType;
import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleSet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Batching criteria (42 U.S.C. 300gg-111(c)(3); federal-idr.md §4): same provider (NPI or TIN), same payer,
 * related/similar condition, furnished within one 30-business-day period, and at most the line cap in force
 * for the open negotiation start (none before 2026-11-01, 50 from then — UNVERIFIED, configurable).
 * "Similar condition" is read as: same service code, or same ICD-10-CM category (first three characters)
 * — the 2026 pathways' exact wording is UNVERIFIED.
 */
public class BatchingGate implements EligibilityGate {

    private final RuleSet rules;
    private final Calendars calendars;
    private final Integer capOverride;

    public BatchingGate(RuleSet rules, Calendars calendars, Integer capOverride) {
        this.rules = rules;
        this.calendars = calendars;
        this.capOverride = capOverride;
    }

    @Override
    public String name() {
        return "BATCHING_CRITERIA";
    }

    @Override
    public GateResult evaluate(EligibilityInput in) {
        LocalDate key = in.openNegotiationStarted() != null ? in.openNegotiationStarted() : in.asOf();
        RuleEntry window = GateSupport.rule(rules, "FEDERAL_IDR.BATCH_SERVICE_WINDOW", key);
        var cite = window.citation();
        if (in.disputeType() != DisputeType.BATCHED) {
            return new GateResult(name(), GateStatus.PASS, "Not a batched dispute", cite);
        }
        List<BatchItem> items = in.batchItems();
        if (items.size() < 2) {
            return new GateResult(name(), GateStatus.UNKNOWN, "A batched dispute needs at least two line items", cite);
        }
        List<String> problems = new ArrayList<>();
        boolean sameNpi = items.stream().map(BatchItem::billingNpi).allMatch(n -> n != null && n.equals(items.get(0).billingNpi()));
        boolean sameTin = items.stream().map(BatchItem::billingTin).allMatch(t -> t != null && t.equals(items.get(0).billingTin()));
        if (!sameNpi && !sameTin) {
            problems.add("the items do not share one provider NPI or TIN");
        }
        if (items.stream().map(BatchItem::payerKey).distinct().count() > 1) {
            problems.add("the items are from more than one payer");
        }
        boolean sameCode = items.stream().map(BatchItem::procedureCode).distinct().count() == 1;
        boolean sameCategory = items.stream().allMatch(i -> i.conditionCode() != null && i.conditionCode().length() >= 3)
                && items.stream().map(i -> i.conditionCode().substring(0, 3)).distinct().count() == 1;
        if (!sameCode && !sameCategory) {
            problems.add("the items share neither a service code nor a diagnosis category (similar condition)");
        }
        LocalDate first = items.stream().map(BatchItem::serviceDate).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = items.stream().map(BatchItem::serviceDate).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
        int days = window.value().requireNumber();
        LocalDate windowEnd = calendars.federal().dayOfPeriodBeginning(first, days);
        if (last.isAfter(windowEnd)) {
            problems.add("services from " + first + " to " + last + " exceed the " + days + "-business-day period ending " + windowEnd);
        }
        RuleEntry capRule = GateSupport.rule(rules, "FEDERAL_IDR.BATCH_LINE_CAP", key);
        Integer cap = capOverride != null ? capOverride : (capRule.appliesOn(key) ? capRule.value().number() : null);
        if (cap != null && items.size() > cap) {
            problems.add(items.size() + " line items exceed the cap of " + cap + " (" + capRule.version() + ", UNVERIFIED applicability)");
        }
        if (!problems.isEmpty()) {
            return new GateResult(name(), GateStatus.FAIL, "Batching criteria not met: " + String.join("; ", problems),
                    cap != null && items.size() > cap ? capRule.citation() : cite);
        }
        return new GateResult(name(), GateStatus.PASS, items.size() + " items: same provider, same payer, similar condition, within "
                + days + " business days" + (cap == null ? " (no line cap in force)" : ", at most " + cap + " lines"), cite);
    }
}
