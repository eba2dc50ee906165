package io.arbiter.tracks;

import io.arbiter.rules.Track;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.PlanType;
import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleSet;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Chooses the dispute track for a claim: a pure function of {@link TrackFacts} and the rule data
 * (federal-idr.md §1; texas-and-workers-comp.md §0–§1; pain-coding-and-denials.md §6.4).
 * Order: public coverage → workers' comp → auto PIP → all-payer model → in-network → which law
 * (plan regulator, cross-checked with the NSA remark codes) → whether the item qualifies under that law.
 */
@Singleton
public class TrackSelector {

    private static final Set<PlanType> STATE_REGULATED = Set.of(PlanType.FULLY_INSURED_STATE, PlanType.STATE_EMPLOYEE);
    private static final Set<PlanType> FEDERAL_PLANS = Set.of(PlanType.SELF_FUNDED_ERISA, PlanType.FEHB);

    private final RuleSet rules;

    public TrackSelector(RuleSet rules) {
        this.rules = rules;
    }

    private final class Builder {
        final List<TrackDecision.Reason> reasons = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final Map<ClaimFact, String> missing = new LinkedHashMap<>();
        final TrackFacts facts;

        Builder(TrackFacts facts) {
            this.facts = facts;
        }

        void reason(String text, String ruleKey, LocalDate on) {
            reasons.add(new TrackDecision.Reason(text, rule(ruleKey, on).citation()));
        }

        void missing(ClaimFact fact) {
            missing.putIfAbsent(fact, fact.question());
        }

        TrackDecision done(Track track) {
            Set<String> urls = new LinkedHashSet<>();
            reasons.forEach(r -> urls.add(r.citation().url()));
            List<TrackDecision.MissingFact> gaps = missing.entrySet().stream()
                    .map(e -> new TrackDecision.MissingFact(e.getKey(), e.getValue())).toList();
            if (!gaps.isEmpty()) {
                // a warning too, so callers that show only warnings (case opening) say the track is provisional
                warnings.add("Waiting for facts: " + String.join("; ", missing.values()));
                reasons.add(new TrackDecision.Reason("Provisional: " + track + " is shown until the missing facts are given ("
                        + String.join("; ", missing.values()) + "); it is the track whose first deadline comes earliest, "
                        + "so no clock is lost while waiting", reasons.isEmpty() ? rule("TRACKS.FEDERAL_NSA_START", LocalDate.now()).citation()
                        : reasons.get(reasons.size() - 1).citation()));
            }
            return new TrackDecision(track, List.copyOf(reasons), List.copyOf(urls), List.copyOf(warnings),
                    gaps.isEmpty() ? TrackDecision.Status.DECIDED : TrackDecision.Status.NEEDS_FACTS, gaps, factsUsed(facts));
        }
    }

    /** The facts and codes a decision read, in words (a decision never rests on an empty reason). */
    static List<String> factsUsed(TrackFacts f) {
        List<String> out = new ArrayList<>();
        out.add("plan type: " + (f.planTypeKnown() ? label(f.planType()) : "unknown"));
        if (f.planRegulatorState() != null) {
            out.add("plan regulator state: " + f.planRegulatorState());
        }
        out.add("plan network status: " + label(f.planNetworkStatus()));
        out.add("claim filing indicator: " + (f.claimFilingIndicator() == null ? "none" : f.claimFilingIndicator()));
        out.add("service state: " + (f.serviceState() == null ? "unknown" : f.serviceState()));
        out.add("place of service: " + (f.placeOfService() == null ? "unknown" : f.placeOfService()));
        out.add("facility network status: " + label(f.facilityNetworkStatus()));
        out.add("emergency: " + (f.unknownFacts().contains(ClaimFact.EMERGENCY) ? "unknown" : f.emergency() ? "yes" : "no"));
        out.add("notice and consent on file: " + (f.noticeConsentOnFile() ? "yes" : "no"));
        out.add("provider type: " + label(f.providerType()));
        out.add("date of service: " + (f.serviceDate() == null ? "unknown" : f.serviceDate()));
        out.add("remark codes: " + (f.remarkCodes().isEmpty() ? "none" : String.join(", ", new TreeSet<>(f.remarkCodes()))));
        out.add("adjustment reason codes: " + (f.adjustmentReasonCodes().isEmpty() ? "none"
                : String.join(", ", new TreeSet<>(f.adjustmentReasonCodes()))));
        out.add("claim denied: " + (f.denied() ? "yes" : "no"));
        return List.copyOf(out);
    }

    public TrackDecision select(TrackFacts f) {
        Builder b = new Builder(f);
        LocalDate dos = f.serviceDate() != null ? f.serviceDate() : LocalDate.of(2026, 1, 1);
        if (f.serviceDate() == null) {
            b.warnings.add("The claim has no date of service; current rule versions were used");
        }
        Set<String> federalCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_FEDERAL_NSA", dos));
        Set<String> eitherCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_NSA_EITHER_LAW", dos));
        Set<String> stateCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_STATE_LAW", dos));
        Set<String> apmCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_ALL_PAYER_MODEL", dos));
        Set<String> disputedCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_NSA_DISPUTED", dos));
        Set<String> nsaCodes = new TreeSet<>(federalCodes);
        nsaCodes.addAll(eitherCodes);
        PlanType plan = f.planType();

        // 1. Public coverage is outside NSA IDR.
        if (plan != null && codes("TRACKS.PUBLIC_COVERAGE", dos).contains(plan.name())) {
            b.reason(label(plan) + " coverage is not subject to No Surprises Act IDR (it covers group health plans, "
                    + "insurers and FEHB carriers); take denials to the program's appeal process instead", "TRACKS.PUBLIC_COVERAGE", dos);
            if (!nsaCodes.isEmpty()) {
                b.warnings.add("The remittance carries NSA remark codes " + nsaCodes + " but the plan is " + label(plan)
                        + "; check the plan type on file");
            }
            return b.done(Track.NOT_DISPUTABLE);
        }
        // 1b. Programs the claim was filed under that are not group health plans, issuers or FEHB carriers.
        String indicator = f.claimFilingIndicator() == null ? null : f.claimFilingIndicator().trim().toUpperCase();
        if (indicator != null && codes("TRACKS.NON_NSA_FILING_INDICATORS", dos).contains(indicator)) {
            b.reason("The claim filing indicator is " + indicator + " (" + filingIndicatorLabel(indicator) + "): that program is "
                    + "not a group health plan, health insurance issuer or FEHB carrier, so the No Surprises Act IDR does not "
                    + "apply; dispute the payment through the program's own appeal process", "TRACKS.NON_NSA_FILING_INDICATORS", dos);
            if (!nsaCodes.isEmpty()) {
                b.warnings.add("The remittance carries NSA remark codes " + nsaCodes + " on a claim filed as " + indicator
                        + "; check the claim filing indicator");
            }
            return b.done(Track.NOT_DISPUTABLE);
        }
        // 2. Workers' compensation.
        if (plan == PlanType.WORKERS_COMP) {
            b.reason("Workers' compensation bills are disputed with the carrier and then through DWC medical fee dispute "
                    + "resolution, not a health-plan process", "WORKERS_COMP.MFDR_DUE", dos);
            if (f.serviceState() != null && !"TX".equals(f.serviceState())) {
                b.warnings.add("Arbiter models Texas DWC deadlines only; the service state is " + f.serviceState());
            }
            warnIfNsaCodes(b, nsaCodes, "a workers' compensation claim");
            return b.done(Track.WORKERS_COMP);
        }
        // 3. Auto PIP.
        if (plan == PlanType.AUTO_PIP) {
            warnIfNsaCodes(b, nsaCodes, "an auto PIP claim");
            if ("TX".equals(f.serviceState()) || "TX".equals(f.planRegulatorState())) {
                b.reason("Auto personal injury protection is paid under Texas Insurance Code ch. 1952: payment is due 30 days "
                        + "after proof of claim, with no arbitration track", "TEXAS_PIP.PAYMENT_DUE", dos);
                return b.done(Track.TEXAS_PIP);
            }
            b.reason("Only Texas PIP is modelled; auto coverage from another state is not an NSA or Texas dispute",
                    "TEXAS_PIP.PAYMENT_DUE", dos);
            return b.done(Track.NOT_DISPUTABLE);
        }
        // 4. All-payer model: the paid amount is final.
        if (!apmCodes.isEmpty()) {
            b.reason("The remittance (" + String.join(", ", apmCodes) + ") says the amount paid is the final out-of-network rate "
                    + "under an All-Payer Model Agreement, which takes precedence over federal IDR", "TRACKS.RARC_ALL_PAYER_MODEL", dos);
            return b.done(Track.NOT_DISPUTABLE);
        }
        // 4b. Coverage denials: IDR sets the rate of a covered item, never whether it is covered.
        Set<String> coverageCarcs = intersect(f.adjustmentReasonCodes(), codes("TRACKS.COVERAGE_DENIAL_CARC", dos));
        Set<String> coverageRarcs = intersect(f.remarkCodes(), codes("TRACKS.COVERAGE_DENIAL_RARC", dos));
        if (!coverageCarcs.isEmpty() || !coverageRarcs.isEmpty()) {
            String named = carcs(coverageCarcs) + (coverageCarcs.isEmpty() || coverageRarcs.isEmpty() ? "" : ", ")
                    + String.join(", ", coverageRarcs);
            if (f.denied()) {
                b.reason("The claim was denied for coverage (" + named + "): IDR decides the rate of a covered service, not "
                        + "whether it is covered, so take it to the plan's internal appeal and then external review",
                        coverageCarcs.isEmpty() ? "TRACKS.COVERAGE_DENIAL_RARC" : "TRACKS.COVERAGE_DENIAL_CARC", dos);
                return b.done(Track.COMMERCIAL_APPEAL);
            }
            b.warnings.add("Some lines were denied for coverage (" + named + "); those lines go to the plan's appeal and "
                    + "external review, not to a rate dispute");
        }
        // 5. In-network claims are contract disputes.
        if (f.planNetworkStatus() == NetworkStatus.IN_NETWORK) {
            b.reason("The provider is in network with this plan: the NSA and Texas processes cover out-of-network claims "
                    + "only, so dispute the payment under the contract by appeal", "COMMERCIAL_APPEAL.APPEAL_DUE", dos);
            if (!nsaCodes.isEmpty()) {
                b.warnings.add("The plan is marked in network but the remittance carries NSA codes " + nsaCodes
                        + "; confirm the network status");
            }
            return b.done(Track.COMMERCIAL_APPEAL);
        }
        if (f.planNetworkStatus() == null || f.planNetworkStatus() == NetworkStatus.UNKNOWN) {
            b.warnings.add("The plan's network status is unknown; out-of-network is assumed");
        }

        // 6. Which law governs: the plan's regulator, cross-checked with the remark codes.
        Set<String> specifiedStates = codes("TRACKS.SPECIFIED_STATE_LAW_STATES", dos);
        boolean stateByPlan = plan != null && STATE_REGULATED.contains(plan) && f.planRegulatorState() != null
                && specifiedStates.contains(f.planRegulatorState());
        boolean federalByPlan = plan != null && (FEDERAL_PLANS.contains(plan)
                || (STATE_REGULATED.contains(plan) && !stateByPlan));
        boolean stateLaw;
        String lawReason;
        if (stateByPlan) {
            stateLaw = true;
            lawReason = "The plan is " + label(plan) + " and regulated by " + f.planRegulatorState() + ", so that state's "
                    + "specified law (Tex. Ins. Code ch. 1467) governs the out-of-network rate instead of the federal process";
            if (!federalCodes.isEmpty()) {
                b.warnings.add("The plan is " + f.planRegulatorState() + "-regulated (" + label(plan) + ") but the remittance "
                        + "carries federal NSA remark codes " + federalCodes + "; confirm the plan's regulator (ID card "
                        + "'TDI'/'DOI') before filing");
            }
        } else if (federalByPlan) {
            stateLaw = false;
            lawReason = label(plan) + " coverage falls under the federal No Surprises Act: disputes go to federal IDR "
                    + "unless a specified state law or all-payer model applies";
            if (STATE_REGULATED.contains(plan) && f.planRegulatorState() == null
                    && (f.serviceState() == null || specifiedStates.contains(f.serviceState()))) {
                // a state-regulated plan in a specified-law state goes to the state process: the regulator decides
                b.missing(ClaimFact.PLAN_REGULATOR_STATE);
                lawReason = label(plan) + " coverage goes to the state process when its regulator state has a specified "
                        + "state law, and to federal IDR otherwise; the regulator state is not known";
            } else if (STATE_REGULATED.contains(plan)) {
                b.warnings.add("No specified state law is on file for regulator state "
                        + (f.planRegulatorState() == null ? "(unknown)" : f.planRegulatorState()) + "; federal law assumed");
            }
            if (!stateCodes.isEmpty()) {
                b.warnings.add("The plan is " + label(plan) + " (federal) but the remittance carries state-law remark codes "
                        + stateCodes + "; check whether the plan opted into the state process");
            }
        } else if (!stateCodes.isEmpty() && federalCodes.isEmpty()) {
            // N830 means federal OR state rules, so a state-law code beside it decides (pain-coding-and-denials.md §6.4).
            stateLaw = true;
            lawReason = "The plan type is unknown, and the remittance (" + String.join(", ", stateCodes) + ") says the payment "
                    + "was made under a specified state law" + (eitherCodes.isEmpty() ? "" : "; " + String.join(", ", eitherCodes)
                    + " only says federal or state balance-billing rules applied, so the state-law code decides");
        } else if (!federalCodes.isEmpty() && stateCodes.isEmpty()) {
            stateLaw = false;
            lawReason = "The plan type is unknown, and the remittance (" + String.join(", ", federalCodes) + ") says the claim "
                    + "was processed under the federal No Surprises Act";
        } else {
            // No code names the law (none, or only N830): the plan type decides, and nobody has given it.
            stateLaw = false;
            String state = f.planRegulatorState() != null ? f.planRegulatorState() : f.serviceState();
            String codesSaid = eitherCodes.isEmpty() ? "no remark code names the law"
                    : "the remittance's " + String.join(", ", eitherCodes) + " says only that federal or state balance-billing rules applied";
            if (!stateCodes.isEmpty()) {
                b.warnings.add("The remittance carries both federal " + federalCodes + " and state-law " + stateCodes
                        + " remark codes");
                codesSaid = "the remittance carries both federal " + federalCodes + " and state-law " + stateCodes + " remark codes";
                b.missing(ClaimFact.PLAN_TYPE);
                lawReason = "The plan type is unknown and " + codesSaid + ", so the law cannot be told from the remittance";
            } else if (state == null) {
                b.missing(ClaimFact.PLAN_TYPE);
                b.missing(ClaimFact.SERVICE_STATE);
                lawReason = "The plan type and the service state are unknown and " + codesSaid
                        + ", so whether a specified state law governs cannot be told";
            } else if (specifiedStates.contains(state)) {
                b.missing(ClaimFact.PLAN_TYPE);
                lawReason = "The plan type is unknown and " + codesSaid + ": in " + state + " a fully insured state-regulated "
                        + "plan goes to the state process and a self-funded ERISA plan to federal IDR";
            } else {
                lawReason = "The plan type is unknown and " + codesSaid + ", but " + state + " has no specified state law in "
                        + "Arbiter's data, so self-funded and fully insured plans alike fall under the federal No Surprises Act";
                b.warnings.add("Only Texas's specified state law is modelled; confirm " + state + " has none for this plan");
            }
        }
        return stateLaw ? texas(f, b, dos, lawReason) : federal(f, b, dos, lawReason, federalCodes, disputedCodes);
    }

    private TrackDecision texas(TrackFacts f, Builder b, LocalDate dos, String lawReason) {
        b.reason(lawReason, "TRACKS.SPECIFIED_STATE_LAW_STATES", dos);
        LocalDate start = rule("TRACKS.TEXAS_SB1264_START", dos).value().requireDate();
        if (f.serviceDate() != null && f.serviceDate().isBefore(start)) {
            b.reason("Texas balance-billing protections apply to services on or after " + start + "; appeal instead",
                    "TRACKS.TEXAS_SB1264_START", dos);
            return b.done(Track.COMMERCIAL_APPEAL);
        }
        if (f.serviceState() != null && !"TX".equals(f.serviceState())) {
            b.warnings.add("The service was furnished in " + f.serviceState() + " but the plan is Texas-regulated");
        }
        boolean emergencyPos = codes("TRACKS.EMERGENCY_POS", dos).contains(f.placeOfService());
        boolean emergency = f.emergency() || emergencyPos;
        boolean facility = isFacility(f, dos);
        boolean atInNetworkFacility = facility && f.facilityNetworkStatus() == NetworkStatus.IN_NETWORK;
        boolean labOrImaging = f.providerType() == io.arbiter.practice.ProviderType.LABORATORY
                || f.providerType() == io.arbiter.practice.ProviderType.RADIOLOGY;
        if (emergency || atInNetworkFacility || labOrImaging) {
            b.reason(emergency ? "Emergency care by an out-of-network provider qualifies for Texas arbitration ("
                    + (!emergencyPos ? "emergency recorded for the claim" : posText(f)
                    + ", emergency room") + ")"
                    : atInNetworkFacility ? "A facility-based provider's care at an in-network facility ("
                    + posText(f) + ") qualifies for Texas arbitration"
                    : "Out-of-network laboratory or diagnostic imaging qualifies for Texas arbitration",
                    "TEXAS_ARBITRATION.ARBITRATION_REQUEST_DUE", dos);
            return b.done(Track.TEXAS_ARBITRATION);
        }
        // Unknown facts that could open arbitration: same handling as the federal branch (provisional, asked for).
        if (f.unknownFacts().contains(ClaimFact.EMERGENCY) || (facility && !f.facilityNetworkStatusKnown())) {
            if (f.unknownFacts().contains(ClaimFact.EMERGENCY)) {
                b.missing(ClaimFact.EMERGENCY);
            }
            if (facility && !f.facilityNetworkStatusKnown()) {
                b.missing(ClaimFact.FACILITY_NETWORK_STATUS);
            }
            b.reason("Texas arbitration is open if the care was emergency care or the facility ("
                    + posText(f) + ") participates with the plan; that is not yet known",
                    "TEXAS_ARBITRATION.ARBITRATION_REQUEST_DUE", dos);
            return b.done(Track.TEXAS_ARBITRATION);
        }
        b.reason("Elective out-of-network care (" + posText(f) + (facility ? ", facility out of network"
                : "") + ") is not emergency care, facility-based care at an in-network facility, lab or imaging, so Texas "
                + "arbitration is closed; appeal the payment instead", "TEXAS_ARBITRATION.ARBITRATION_REQUEST_DUE", dos);
        return b.done(Track.COMMERCIAL_APPEAL);
    }

    private TrackDecision federal(TrackFacts f, Builder b, LocalDate dos, String lawReason, Set<String> federalCodes,
                                  Set<String> disputedCodes) {
        b.reason(lawReason, "TRACKS.FEDERAL_NSA_START", dos);
        LocalDate start = rule("TRACKS.FEDERAL_NSA_START", dos).value().requireDate();
        if (f.serviceDate() != null && f.serviceDate().isBefore(start)) {
            b.reason("No Surprises Act protections apply from " + start + "; this service predates them, so appeal instead",
                    "TRACKS.FEDERAL_NSA_START", dos);
            return b.done(Track.COMMERCIAL_APPEAL);
        }
        if (!disputedCodes.isEmpty()) {
            b.reason("The payer disputes that the No Surprises Act applies (" + String.join(", ", disputedCodes) + "): "
                    + "challenge that finding by appeal before IDR", "TRACKS.RARC_NSA_DISPUTED", dos);
            b.warnings.add("Remark code " + String.join(", ", disputedCodes) + ": the payer says the NSA does not apply"
                    + (federalCodes.isEmpty() ? "" : ", although the remittance also carries " + federalCodes));
            return b.done(Track.COMMERCIAL_APPEAL);
        }
        boolean ancillary = f.providerType() != null && f.providerType().ancillary();
        boolean emergencyPos = codes("TRACKS.EMERGENCY_POS", dos).contains(f.placeOfService());
        boolean emergency = f.emergency() || emergencyPos;
        boolean air = codes("TRACKS.AIR_AMBULANCE_POS", dos).contains(f.placeOfService());
        boolean facility = isFacility(f, dos);
        Set<String> consentCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_CONSENT_WAIVED", dos));
        // N882 is folded into noticeConsentOnFile by TrackFactsService (a specialist's answer wins over it)
        boolean consent = f.noticeConsentOnFile();
        if (emergency) {
            b.reason("Emergency services by an out-of-network provider are qualified IDR items ("
                    + (!emergencyPos ? "emergency recorded for the claim" : posText(f) + ", emergency room")
                    + ")", "TRACKS.EMERGENCY_POS", dos);
            if (consent) {
                b.warnings.add("Notice and consent cannot waive protections for emergency services (only post-stabilization care); "
                        + "the consent on file was ignored");
            }
            return b.done(Track.FEDERAL_IDR);
        }
        if (air) {
            b.reason("Air ambulance services by an out-of-network provider are qualified IDR items", "TRACKS.AIR_AMBULANCE_POS", dos);
            return b.done(Track.FEDERAL_IDR);
        }
        boolean emergencyUnknown = f.unknownFacts().contains(ClaimFact.EMERGENCY);
        if (emergencyUnknown) {
            b.missing(ClaimFact.EMERGENCY);
        }
        if (!emergencyUnknown && (!facility || f.facilityNetworkStatus() == NetworkStatus.OUT_OF_NETWORK)) {
            b.reason(!facility
                    ? "Non-emergency care outside a hospital, hospital outpatient department or ambulatory surgical center "
                    + "(" + posText(f) + ") is not a qualified IDR item; appeal the payment instead"
                    : "The facility does not participate with the plan, so non-emergency care there ("
                    + posText(f) + ") is not a qualified IDR item; appeal the payment instead", "TRACKS.FACILITY_POS", dos);
            if (!federalCodes.isEmpty()) {
                b.warnings.add("The remittance carries NSA codes " + federalCodes + " although the claim facts do not make it a "
                        + "qualified IDR item; check the place of service and the facility's network status");
            }
            return b.done(Track.COMMERCIAL_APPEAL);
        }
        if (emergencyUnknown) {
            b.reason("Whether this was emergency care is not known (no place of service), and emergency care by an "
                    + "out-of-network provider is a qualified IDR item", "TRACKS.EMERGENCY_POS", dos);
        } else if (!f.facilityNetworkStatusKnown()) {
            b.missing(ClaimFact.FACILITY_NETWORK_STATUS);
            b.reason("Non-emergency care by an out-of-network provider at a facility (" + posText(f)
                    + ") is a qualified IDR item only if the facility participates with the plan; that is not yet known",
                    "TRACKS.FACILITY_POS", dos);
        } else {
            b.reason("Non-emergency care by an out-of-network provider at a participating facility ("
                    + posText(f) + ") is a qualified IDR item", "TRACKS.FACILITY_POS", dos);
        }
        if (consent) {
            String from = consentCodes.isEmpty() ? "recorded for the claim" : "remark code " + String.join(", ", consentCodes);
            if (ancillary) {
                b.reason("Notice and consent (" + from + ") is never valid for ancillary services such as " + label(f.providerType())
                        + ", so it does not waive NSA protections", "TRACKS.NOTICE_CONSENT_ANCILLARY", dos);
                b.warnings.add("Notice and consent on file for an ancillary service (" + label(f.providerType()) + ") was ignored");
            } else {
                b.reason("A valid notice-and-consent (" + from + ") covers this non-ancillary service: the provider may not "
                        + "submit it to IDR; appeal the payment instead", "TRACKS.NOTICE_CONSENT_BARS_IDR", dos);
                return b.done(Track.COMMERCIAL_APPEAL);
            }
        }
        return b.done(Track.FEDERAL_IDR);
    }

    private boolean isFacility(TrackFacts f, LocalDate dos) {
        return f.placeOfService() != null && codes("TRACKS.FACILITY_POS", dos).contains(f.placeOfService());
    }

    private static String posText(TrackFacts f) {
        return f.placeOfService() == null ? "no place of service on the claim" : "place of service " + f.placeOfService();
    }

    private static String carcs(Set<String> codes) {
        return codes.stream().map(c -> "CARC " + c).collect(java.util.stream.Collectors.joining(", "));
    }

    static String filingIndicatorLabel(String code) {
        return switch (code) {
            case "VA" -> "Veterans Affairs plan";
            case "OF" -> "other federal program";
            case "LM" -> "liability medical";
            default -> "claim filing indicator " + code;
        };
    }

    private static void warnIfNsaCodes(Builder b, Set<String> federalCodes, String what) {
        if (!federalCodes.isEmpty()) {
            b.warnings.add("The remittance carries NSA remark codes " + federalCodes + " on " + what + "; check the plan type");
        }
    }

    RuleEntry rule(String key, LocalDate on) {
        return rules.find(key, on).orElseGet(() -> {
            List<RuleEntry> all = rules.versions(key);
            if (all.isEmpty()) {
                throw new IllegalStateException("rule " + key + " missing");
            }
            return all.get(all.size() - 1);
        });
    }

    private Set<String> codes(String key, LocalDate on) {
        return new LinkedHashSet<>(rule(key, on).codes());
    }

    private static Set<String> intersect(Set<String> have, Set<String> list) {
        Set<String> out = new TreeSet<>();
        for (String c : list) {
            if (have.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    static String label(@Nullable Enum<?> e) {
        if (e == null) {
            return "unknown";
        }
        return switch (e.name()) {
            case "SELF_FUNDED_ERISA" -> "Self-funded ERISA";
            case "FULLY_INSURED_STATE" -> "Fully insured state-regulated";
            case "STATE_EMPLOYEE" -> "State employee (ERS/TRS)";
            case "FEHB" -> "FEHB";
            case "MEDICARE_ADVANTAGE" -> "Medicare Advantage";
            default -> e.name().charAt(0) + e.name().substring(1).toLowerCase().replace('_', ' ');
        };
    }

}
