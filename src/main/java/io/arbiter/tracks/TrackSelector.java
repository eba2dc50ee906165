package io.arbiter.tracks;

import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.PlanType;
import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleSet;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
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

        void reason(String text, String ruleKey, LocalDate on) {
            reasons.add(new TrackDecision.Reason(text, rule(ruleKey, on).citation()));
        }

        TrackDecision done(Track track) {
            Set<String> urls = new LinkedHashSet<>();
            reasons.forEach(r -> urls.add(r.citation().url()));
            return new TrackDecision(track, List.copyOf(reasons), List.copyOf(urls), List.copyOf(warnings));
        }
    }

    public TrackDecision select(TrackFacts f) {
        Builder b = new Builder();
        LocalDate dos = f.serviceDate() != null ? f.serviceDate() : LocalDate.of(2026, 1, 1);
        if (f.serviceDate() == null) {
            b.warnings.add("The claim has no date of service; current rule versions were used");
        }
        Set<String> federalCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_FEDERAL_NSA", dos));
        Set<String> stateCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_STATE_LAW", dos));
        Set<String> apmCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_ALL_PAYER_MODEL", dos));
        Set<String> disputedCodes = intersect(f.remarkCodes(), codes("TRACKS.RARC_NSA_DISPUTED", dos));
        PlanType plan = f.planType();

        // 1. Public coverage is outside NSA IDR.
        if (plan != null && codes("TRACKS.PUBLIC_COVERAGE", dos).contains(plan.name())) {
            b.reason(label(plan) + " coverage is not subject to No Surprises Act IDR (it covers group health plans, "
                    + "insurers and FEHB carriers); take denials to the program's appeal process instead", "TRACKS.PUBLIC_COVERAGE", dos);
            if (!federalCodes.isEmpty()) {
                b.warnings.add("The remittance carries NSA remark codes " + federalCodes + " but the plan is " + label(plan)
                        + "; check the plan type on file");
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
            warnIfNsaCodes(b, federalCodes, "a workers' compensation claim");
            return b.done(Track.WORKERS_COMP);
        }
        // 3. Auto PIP.
        if (plan == PlanType.AUTO_PIP) {
            warnIfNsaCodes(b, federalCodes, "an auto PIP claim");
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
        // 5. In-network claims are contract disputes.
        if (f.planNetworkStatus() == NetworkStatus.IN_NETWORK) {
            b.reason("The provider is in network with this plan: the NSA and Texas processes cover out-of-network claims "
                    + "only, so dispute the payment under the contract by appeal", "COMMERCIAL_APPEAL.APPEAL_DUE", dos);
            if (!federalCodes.isEmpty()) {
                b.warnings.add("The plan is marked in network but the remittance carries NSA codes " + federalCodes
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
        if (stateByPlan) {
            stateLaw = true;
            if (!federalCodes.isEmpty()) {
                b.warnings.add("The plan is " + f.planRegulatorState() + "-regulated (" + label(plan) + ") but the remittance "
                        + "carries federal NSA remark codes " + federalCodes + "; confirm the plan's regulator (ID card "
                        + "'TDI'/'DOI') before filing");
            }
        } else if (federalByPlan) {
            stateLaw = false;
            if (STATE_REGULATED.contains(plan)) {
                b.warnings.add("No specified state law is on file for regulator state "
                        + (f.planRegulatorState() == null ? "(unknown)" : f.planRegulatorState()) + "; federal law assumed");
            }
            if (!stateCodes.isEmpty()) {
                b.warnings.add("The plan is " + label(plan) + " (federal) but the remittance carries state-law remark codes "
                        + stateCodes + "; check whether the plan opted into the state process");
            }
        } else {
            stateLaw = !stateCodes.isEmpty() && federalCodes.isEmpty();
            b.warnings.add("The plan type is " + (plan == null ? "unknown" : label(plan)) + "; the track follows the "
                    + "remittance remark codes " + (f.remarkCodes().isEmpty() ? "(none)" : new TreeSet<>(f.remarkCodes())));
            if (!stateCodes.isEmpty() && !federalCodes.isEmpty()) {
                b.warnings.add("The remittance carries both federal " + federalCodes + " and state-law " + stateCodes
                        + " remark codes");
            }
        }
        return stateLaw ? texas(f, b, dos, stateCodes) : federal(f, b, dos, federalCodes, disputedCodes);
    }

    private TrackDecision texas(TrackFacts f, Builder b, LocalDate dos, Set<String> stateCodes) {
        b.reason(stateCodes.isEmpty()
                ? "The plan is regulated by the Texas Department of Insurance, so Texas law (Ins. Code ch. 1467) governs "
                + "the out-of-network rate instead of the federal process"
                : "The remittance (" + String.join(", ", stateCodes) + ") says the payment was made under state law",
                "TRACKS.SPECIFIED_STATE_LAW_STATES", dos);
        LocalDate start = rule("TRACKS.TEXAS_SB1264_START", dos).date("value");
        if (f.serviceDate() != null && f.serviceDate().isBefore(start)) {
            b.reason("Texas balance-billing protections apply to services on or after " + start + "; appeal instead",
                    "TRACKS.TEXAS_SB1264_START", dos);
            return b.done(Track.COMMERCIAL_APPEAL);
        }
        if (f.serviceState() != null && !"TX".equals(f.serviceState())) {
            b.warnings.add("The service was furnished in " + f.serviceState() + " but the plan is Texas-regulated");
        }
        boolean atInNetworkFacility = isFacility(f, dos) && f.facilityNetworkStatus() == NetworkStatus.IN_NETWORK;
        boolean labOrImaging = f.providerType() == io.arbiter.practice.ProviderType.LABORATORY
                || f.providerType() == io.arbiter.practice.ProviderType.RADIOLOGY;
        if (f.emergency() || atInNetworkFacility || labOrImaging) {
            b.reason(f.emergency() ? "Emergency care by an out-of-network provider qualifies for Texas arbitration"
                    : atInNetworkFacility ? "A facility-based provider's care at an in-network facility qualifies for Texas arbitration"
                    : "Out-of-network laboratory or diagnostic imaging qualifies for Texas arbitration",
                    "TEXAS_ARBITRATION.ARBITRATION_REQUEST_DUE", dos);
            return b.done(Track.TEXAS_ARBITRATION);
        }
        b.reason("Elective out-of-network care outside an in-network facility is not emergency care, facility-based care at "
                + "an in-network facility, lab or imaging, so Texas arbitration is closed; appeal the payment instead",
                "TEXAS_ARBITRATION.ARBITRATION_REQUEST_DUE", dos);
        if (f.facilityNetworkStatus() == null || f.facilityNetworkStatus() == NetworkStatus.UNKNOWN) {
            b.warnings.add("The facility's network status is unknown; if the facility participates, Texas arbitration applies");
        }
        return b.done(Track.COMMERCIAL_APPEAL);
    }

    private TrackDecision federal(TrackFacts f, Builder b, LocalDate dos, Set<String> federalCodes, Set<String> disputedCodes) {
        b.reason(f.planType() == null || f.planType() == PlanType.OTHER
                ? "The remittance (" + String.join(", ", federalCodes) + ") shows the claim was processed under the federal No Surprises Act"
                : label(f.planType()) + " coverage falls under the federal No Surprises Act: disputes go to federal IDR "
                + "unless a specified state law or all-payer model applies", "TRACKS.FEDERAL_NSA_START", dos);
        LocalDate start = rule("TRACKS.FEDERAL_NSA_START", dos).date("value");
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
        boolean emergency = f.emergency() || codes("TRACKS.EMERGENCY_POS", dos).contains(f.placeOfService());
        boolean air = codes("TRACKS.AIR_AMBULANCE_POS", dos).contains(f.placeOfService());
        boolean facility = isFacility(f, dos);
        if (emergency) {
            b.reason("Emergency services by an out-of-network provider are qualified IDR items", "TRACKS.EMERGENCY_POS", dos);
            if (f.noticeConsentOnFile()) {
                b.warnings.add("Notice and consent cannot waive protections for emergency services (only post-stabilization care); "
                        + "the consent on file was ignored");
            }
            return b.done(Track.FEDERAL_IDR);
        }
        if (air) {
            b.reason("Air ambulance services by an out-of-network provider are qualified IDR items", "TRACKS.AIR_AMBULANCE_POS", dos);
            return b.done(Track.FEDERAL_IDR);
        }
        if (!facility || f.facilityNetworkStatus() == NetworkStatus.OUT_OF_NETWORK) {
            b.reason(!facility
                    ? "Non-emergency care outside a hospital, hospital outpatient department or ambulatory surgical center "
                    + "(place of service " + f.placeOfService() + ") is not a qualified IDR item; appeal the payment instead"
                    : "The facility does not participate with the plan, so non-emergency care there is not a qualified IDR item; "
                    + "appeal the payment instead", "TRACKS.FACILITY_POS", dos);
            if (!federalCodes.isEmpty()) {
                b.warnings.add("The remittance carries NSA codes " + federalCodes + " although the claim facts do not make it a "
                        + "qualified IDR item; check the place of service and the facility's network status");
            }
            return b.done(Track.COMMERCIAL_APPEAL);
        }
        b.reason("Non-emergency care by an out-of-network provider at a participating facility (place of service "
                + f.placeOfService() + ") is a qualified IDR item", "TRACKS.FACILITY_POS", dos);
        if (f.facilityNetworkStatus() == null || f.facilityNetworkStatus() == NetworkStatus.UNKNOWN) {
            b.warnings.add("The facility's network status is unknown; confirm it participates with the plan");
        }
        if (f.noticeConsentOnFile()) {
            if (ancillary) {
                b.reason("Notice and consent is never valid for ancillary services such as " + label(f.providerType())
                        + ", so the consent on file does not waive NSA protections", "TRACKS.NOTICE_CONSENT_ANCILLARY", dos);
                b.warnings.add("Notice and consent on file for an ancillary service (" + label(f.providerType()) + ") was ignored");
            } else {
                b.reason("A valid notice-and-consent is on file for this non-ancillary service, which waives NSA protections; "
                        + "appeal the payment instead", "TRACKS.NOTICE_CONSENT_ANCILLARY", dos);
                return b.done(Track.COMMERCIAL_APPEAL);
            }
        }
        return b.done(Track.FEDERAL_IDR);
    }

    private boolean isFacility(TrackFacts f, LocalDate dos) {
        return f.placeOfService() != null && codes("TRACKS.FACILITY_POS", dos).contains(f.placeOfService());
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
