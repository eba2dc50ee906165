package io.arbiter.tracks;

import io.arbiter.claims.Adjustment;
import io.arbiter.claims.Claim;
import io.arbiter.claims.Claims;
import io.arbiter.claims.CurrentRemittanceDetail;
import io.arbiter.claims.RemarkCode;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.practice.NetworkStatus;
import io.arbiter.practice.Plan;
import io.arbiter.practice.Plans;
import io.arbiter.practice.PlanType;
import io.arbiter.practice.Provider;
import io.arbiter.practice.Providers;
import io.arbiter.rules.RuleSet;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Assembles {@link TrackFacts} for a stored claim and says where each fact a remittance cannot tell comes from
 * ({@link FactView}): a fact a specialist set for the claim wins over one set for its plan, which wins over what
 * X12 says (place of service 23, N882, the 837P service state), which wins over a rule default; otherwise it is
 * unknown, and track selection asks for it instead of guessing.
 */
@Singleton
public class TrackFactsService {

    /** A claim's facts for the selector and the same facts with their sources for people. */
    public record Resolved(Claim claim, TrackFacts facts, List<FactView> views) {
    }

    private final Claims claims;
    private final Plans plans;
    private final Providers providers;
    private final CurrentRemittanceDetail detail;
    private final TrackFactRepository factRows;
    private final RuleSet rules;
    private final Clock clock;

    public TrackFactsService(Claims claims, Plans plans, Providers providers,
                             CurrentRemittanceDetail detail, TrackFactRepository factRows, RuleSet rules, Clock clock) {
        this.claims = claims;
        this.plans = plans;
        this.providers = providers;
        this.detail = detail;
        this.factRows = factRows;
        this.rules = rules;
        this.clock = clock;
    }

    public Claim claim(Long claimId) {
        return claims.findById(claimId).orElseThrow(() -> ApiException.notFound("Claim " + claimId));
    }

    public TrackFacts factsFor(Long claimId) {
        return factsFor(claim(claimId));
    }

    public TrackFacts factsFor(Claim c) {
        return resolve(c).facts();
    }

    public Resolved resolve(Claim c) {
        Plan plan = c.planId() == null ? null : plans.findById(c.planId()).orElse(null);
        Provider provider = c.renderingNpi() == null ? null : providers.findByRenderingNpi(c.renderingNpi()).orElse(null);
        List<TrackFactRecord> planRows = plan == null ? List.of() : factRows.findByPlanIdOrderById(plan.id());
        return resolve(c, plan, provider, detail.of(c.id()), factRows.filingIndicator(c.id()).orElse(null),
                userFacts(planRows, factRows.findByClaimIdOrderById(c.id())));
    }

    /**
     * The same resolution from inputs already read (a set of claims read in bulk by {@link ClaimTracks}):
     * the claim's plan and rendering provider, its current remittance detail, filing indicator and fact rows.
     */
    Resolved resolve(Claim c, @Nullable Plan plan, @Nullable Provider provider, CurrentRemittanceDetail.Detail d,
                     @Nullable String indicator, Map<ClaimFact, TrackFactRecord> userFacts) {
        Set<String> codes = new TreeSet<>();
        for (RemarkCode r : d.remarkCodes()) {
            codes.add(r.code().trim().toUpperCase());
        }
        Set<String> carcs = new TreeSet<>();
        for (Adjustment a : d.adjustments()) {
            carcs.add(a.reasonCode().trim().toUpperCase());
        }
        LocalDate dos = c.serviceDateFrom() != null ? c.serviceDateFrom() : LocalDate.now(clock);
        Map<ClaimFact, FactView> views = new EnumMap<>(ClaimFact.class);

        // plan type and regulator state
        TrackFactRecord u = userFacts.get(ClaimFact.PLAN_TYPE);
        if (u != null && u.factValue() != null) {
            views.put(ClaimFact.PLAN_TYPE, FactView.user(ClaimFact.PLAN_TYPE, u));
        } else if (plan == null) {
            views.put(ClaimFact.PLAN_TYPE, FactView.of(ClaimFact.PLAN_TYPE, null, FactView.Source.UNKNOWN,
                    "no plan on file for the claim" + (indicator == null ? "" : " (claim filing indicator " + indicator + ")")));
        } else if (plan.planType() == PlanType.OTHER) {
            views.put(ClaimFact.PLAN_TYPE, FactView.of(ClaimFact.PLAN_TYPE, null, FactView.Source.UNKNOWN,
                    "plan '" + plan.name() + "': the claim filing indicator" + (indicator == null ? "" : " " + indicator)
                            + " cannot tell a self-funded plan from a fully insured one"));
        } else {
            views.put(ClaimFact.PLAN_TYPE, FactView.of(ClaimFact.PLAN_TYPE, plan.planType(), FactView.Source.RECORD,
                    "plan '" + plan.name() + "' on file"));
        }
        u = userFacts.get(ClaimFact.PLAN_REGULATOR_STATE);
        if (u != null && u.factValue() != null) {
            views.put(ClaimFact.PLAN_REGULATOR_STATE, FactView.user(ClaimFact.PLAN_REGULATOR_STATE, u));
        } else if (plan != null && plan.regulatorState() != null) {
            views.put(ClaimFact.PLAN_REGULATOR_STATE, FactView.of(ClaimFact.PLAN_REGULATOR_STATE, plan.regulatorState(),
                    FactView.Source.RECORD, "plan '" + plan.name() + "' on file"));
        } else {
            views.put(ClaimFact.PLAN_REGULATOR_STATE, FactView.of(ClaimFact.PLAN_REGULATOR_STATE, null, FactView.Source.UNKNOWN,
                    "nobody has said which state regulates the plan"));
        }
        // emergency: place of service 23 says so; any other place of service says not, by rule
        u = userFacts.get(ClaimFact.EMERGENCY);
        Set<String> erPos = new TreeSet<>(rule("TRACKS.EMERGENCY_POS", dos).codes());
        if (u != null && u.factValue() != null) {
            views.put(ClaimFact.EMERGENCY, FactView.user(ClaimFact.EMERGENCY, u));
        } else if (c.emergency()) {
            views.put(ClaimFact.EMERGENCY, FactView.of(ClaimFact.EMERGENCY, true, FactView.Source.RECORD, "marked on the claim"));
        } else if (c.placeOfService() != null && erPos.contains(c.placeOfService())) {
            views.put(ClaimFact.EMERGENCY, FactView.of(ClaimFact.EMERGENCY, true, FactView.Source.X12,
                    "place of service " + c.placeOfService() + " (emergency room)"));
        } else if (c.placeOfService() != null) {
            views.put(ClaimFact.EMERGENCY, FactView.of(ClaimFact.EMERGENCY, false, FactView.Source.RULE_DEFAULT,
                    "place of service " + c.placeOfService() + " is not an emergency room"));
        } else {
            views.put(ClaimFact.EMERGENCY, FactView.of(ClaimFact.EMERGENCY, null, FactView.Source.UNKNOWN,
                    "the claim has no place of service"));
        }
        // notice and consent: N882 on the remittance says the payer applied a valid consent
        u = userFacts.get(ClaimFact.NOTICE_CONSENT_ON_FILE);
        Set<String> consentCodes = new TreeSet<>(rule("TRACKS.RARC_CONSENT_WAIVED", dos).codes());
        consentCodes.retainAll(codes);
        if (u != null && u.factValue() != null) {
            views.put(ClaimFact.NOTICE_CONSENT_ON_FILE, FactView.user(ClaimFact.NOTICE_CONSENT_ON_FILE, u));
        } else if (!consentCodes.isEmpty()) {
            views.put(ClaimFact.NOTICE_CONSENT_ON_FILE, FactView.of(ClaimFact.NOTICE_CONSENT_ON_FILE, true, FactView.Source.X12,
                    "remark code " + String.join(", ", consentCodes) + " (payment based on plan allowance because valid consent "
                            + "waived protections)"));
        } else if (c.noticeConsentOnFile()) {
            views.put(ClaimFact.NOTICE_CONSENT_ON_FILE, FactView.of(ClaimFact.NOTICE_CONSENT_ON_FILE, true, FactView.Source.RECORD,
                    "marked on the claim"));
        } else {
            views.put(ClaimFact.NOTICE_CONSENT_ON_FILE, FactView.of(ClaimFact.NOTICE_CONSENT_ON_FILE, false,
                    FactView.Source.RULE_DEFAULT, "no consent recorded and no N882 on the remittance"));
        }
        // facility network status: no X12 element carries it
        u = userFacts.get(ClaimFact.FACILITY_NETWORK_STATUS);
        NetworkStatus recorded = network(c.facilityNetworkStatus());
        if (u != null && u.factValue() != null) {
            views.put(ClaimFact.FACILITY_NETWORK_STATUS, FactView.user(ClaimFact.FACILITY_NETWORK_STATUS, u));
        } else if (recorded != NetworkStatus.UNKNOWN) {
            views.put(ClaimFact.FACILITY_NETWORK_STATUS, FactView.of(ClaimFact.FACILITY_NETWORK_STATUS, recorded,
                    FactView.Source.RECORD, "marked on the claim"));
        } else {
            views.put(ClaimFact.FACILITY_NETWORK_STATUS, FactView.of(ClaimFact.FACILITY_NETWORK_STATUS, null,
                    FactView.Source.UNKNOWN, "no remittance element carries the facility's network status"));
        }
        // service state: the 837P service facility (or billing) address
        u = userFacts.get(ClaimFact.SERVICE_STATE);
        if (u != null && u.factValue() != null) {
            views.put(ClaimFact.SERVICE_STATE, FactView.user(ClaimFact.SERVICE_STATE, u));
        } else if (c.serviceState() != null) {
            views.put(ClaimFact.SERVICE_STATE, FactView.of(ClaimFact.SERVICE_STATE, c.serviceState(), FactView.Source.X12,
                    "837P service location"));
        } else {
            views.put(ClaimFact.SERVICE_STATE, FactView.of(ClaimFact.SERVICE_STATE, null, FactView.Source.UNKNOWN,
                    "no 837P service location"));
        }

        Set<ClaimFact> unknown = EnumSet.noneOf(ClaimFact.class);
        if (views.get(ClaimFact.EMERGENCY).value() == null) {
            unknown.add(ClaimFact.EMERGENCY);
        }
        String planTypeValue = views.get(ClaimFact.PLAN_TYPE).value();
        String facility = views.get(ClaimFact.FACILITY_NETWORK_STATUS).value();
        boolean denied = "4".equals(c.claimStatusCode())
                || (c.paymentDate() != null && c.totalPaid() != null && c.totalPaid().compareTo(BigDecimal.ZERO) == 0);
        TrackFacts facts = new TrackFacts(planTypeValue == null ? null : PlanType.valueOf(planTypeValue),
                views.get(ClaimFact.PLAN_REGULATOR_STATE).value(), plan == null ? null : plan.networkStatus(),
                views.get(ClaimFact.SERVICE_STATE).value(), c.placeOfService(),
                facility == null ? NetworkStatus.UNKNOWN : NetworkStatus.valueOf(facility),
                provider == null ? null : provider.providerType(),
                Boolean.parseBoolean(views.get(ClaimFact.NOTICE_CONSENT_ON_FILE).value()),
                Boolean.parseBoolean(views.get(ClaimFact.EMERGENCY).value()), c.serviceDateFrom(), codes, denied,
                indicator, carcs, unknown);
        return new Resolved(c, facts, List.copyOf(views.values()));
    }

    /** The latest fact row per fact: the claim's, else the plan's. */
    static Map<ClaimFact, TrackFactRecord> userFacts(List<TrackFactRecord> planRows, List<TrackFactRecord> claimRows) {
        Map<ClaimFact, TrackFactRecord> out = new EnumMap<>(ClaimFact.class);
        for (TrackFactRecord r : planRows) {
            put(out, r);
        }
        Map<ClaimFact, TrackFactRecord> own = new EnumMap<>(ClaimFact.class);
        for (TrackFactRecord r : claimRows) {
            put(own, r);
        }
        // a claim's own row (even one clearing the fact) hides the plan's
        own.forEach((k, v) -> {
            if (v.factValue() != null || !out.containsKey(k)) {
                out.put(k, v);
            } else {
                out.remove(k);
            }
        });
        return out;
    }

    private static void put(Map<ClaimFact, TrackFactRecord> m, TrackFactRecord r) {
        try {
            m.put(ClaimFact.valueOf(r.fact()), r);
        } catch (IllegalArgumentException e) {
            // a fact name this version no longer knows: ignored
        }
    }

    /**
     * Records the given facts (only those present) for the claim, or for its plan when {@code scope} is PLAN, and
     * mirrors the claim's resolved facts onto its row. Values are validated first; nothing is written if one is bad.
     */
    @Transactional
    public Resolved set(Long claimId, Map<ClaimFact, String> values, String scope, String username) {
        Claim c = claim(claimId);
        boolean planScope = "PLAN".equalsIgnoreCase(scope);
        if (planScope && c.planId() == null) {
            throw ApiException.conflict("Claim " + claimId + " has no plan on file; set the facts for the claim (scope CLAIM)");
        }
        if (values.isEmpty()) {
            throw ApiException.badRequest("Give at least one fact to set");
        }
        Map<ClaimFact, String> clean = new LinkedHashMap<>();
        List<ApiProblem.ProblemDetail> errors = new ArrayList<>();
        values.forEach((fact, raw) -> {
            String v = normalise(fact, raw);
            if (v == null && raw != null && !raw.isBlank()) {
                errors.add(new ApiProblem.ProblemDetail(field(fact), "not a valid value: " + raw));
            }
            clean.put(fact, v);
        });
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "Bad Request", "Some facts are not valid", errors);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        clean.forEach((fact, v) -> factRows.save(new TrackFactRecord(null, planScope ? null : claimId,
                planScope ? c.planId() : null, fact.name(), v, username, now)));
        Resolved r = resolve(c);
        TrackFacts f = r.facts();
        factRows.mirrorOntoClaim(claimId, f.emergency(), f.noticeConsentOnFile(),
                f.facilityNetworkStatusKnown() ? f.facilityNetworkStatus().name() : null,
                f.serviceState() != null ? f.serviceState() : c.serviceState(), now);
        return resolve(claim(claimId));
    }

    /** The JSON field of a fact ({@code planType}, {@code emergency}, ...). */
    public static String field(ClaimFact f) {
        return switch (f) {
            case PLAN_TYPE -> "planType";
            case PLAN_REGULATOR_STATE -> "planRegulatorState";
            case EMERGENCY -> "emergency";
            case NOTICE_CONSENT_ON_FILE -> "noticeConsentOnFile";
            case FACILITY_NETWORK_STATUS -> "facilityNetworkStatus";
            case SERVICE_STATE -> "serviceState";
        };
    }

    /** The canonical stored form of a value, or null when it is blank (clear) or not valid for the fact. */
    static @Nullable String normalise(ClaimFact fact, @Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String v = raw.trim().toUpperCase();
        try {
            return switch (fact) {
                case PLAN_TYPE -> PlanType.valueOf(v).name();
                case FACILITY_NETWORK_STATUS -> NetworkStatus.valueOf(v) == NetworkStatus.UNKNOWN ? null : v;
                case EMERGENCY, NOTICE_CONSENT_ON_FILE -> "TRUE".equals(v) || "FALSE".equals(v) ? v.toLowerCase() : null;
                case SERVICE_STATE, PLAN_REGULATOR_STATE -> v.matches("[A-Z]{2}") ? v : null;
            };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private io.arbiter.rules.RuleEntry rule(String key, LocalDate on) {
        return rules.find(key, on).orElseGet(() -> {
            List<io.arbiter.rules.RuleEntry> all = rules.versions(key);
            return all.get(all.size() - 1);
        });
    }

    static NetworkStatus network(String s) {
        if (s == null) {
            return NetworkStatus.UNKNOWN;
        }
        try {
            return NetworkStatus.valueOf(s.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            return NetworkStatus.UNKNOWN;
        }
    }
}
