package io.arbiter.deadlines;

import io.arbiter.rules.Convention;
import io.arbiter.rules.DayType;

import io.arbiter.calendar.BusinessDayCalendar;
import io.arbiter.calendar.Calendars;
import io.arbiter.common.ApiException;
import io.arbiter.common.ApiProblem;
import io.arbiter.rules.KeysOn;
import io.arbiter.rules.RuleEntry;
import io.arbiter.rules.RuleKind;
import io.arbiter.rules.RuleSet;
import io.arbiter.rules.RuleTerms;
import io.arbiter.rules.TriggerEvents;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes every deadline of a track from the events given, using the date-versioned DEADLINE rules of
 * rules/*.yml. Pure apart from configuration: no database. Cases call
 * {@link #calculate(Track, Map, DeadlineOptions)}.
 *
 * <p>Safe-side rule (deadline-computation.md): the default date uses the earlier reading; a reading that
 * would give another date (receipt day not counted, closure days counted, Texas state holidays applied,
 * a conflicting unit or count) is shown as an alternative.
 */
@Singleton
public class DeadlineEngine {

    private final RuleSet rules;
    private final Calendars calendars;
    private final DeadlineSettings settings;

    public DeadlineEngine(RuleSet rules, Calendars calendars, DeadlineSettings settings) {
        this.rules = rules;
        this.calendars = calendars;
        this.settings = settings;
    }

    /** Result: the deadlines (sorted by due date) and the rules that were skipped with the reason. */
    public record Result(List<Deadline> deadlines, List<Skipped> skipped) {
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Skipped(String key, String reason) {
    }

    /** The calendars one reading of the unsettled calendar questions uses. */
    private record World(BusinessDayCalendar federal, boolean texasHolidays) {
    }

    public Result calculate(Track track, Map<String, LocalDate> events, DeadlineOptions options) {
        if (!track.hasDeadlines()) {
            throw ApiException.badRequest("Track " + track + " has no deadlines");
        }
        validateEvents(track, events);
        DeadlineOptions opts = options == null ? DeadlineOptions.DEFAULTS : options;
        World primary = new World(calendars.federal(), calendars.texasHolidaysApplied());
        World closures = new World(calendars.federalAlternative(), calendars.texasHolidaysApplied());
        World texas = new World(calendars.federal(), !calendars.texasHolidaysApplied());

        Map<String, LocalDate> primaryDates = new LinkedHashMap<>(events);
        Map<String, LocalDate> closureDates = new LinkedHashMap<>(events);
        Map<String, LocalDate> texasDates = new LinkedHashMap<>(events);
        List<Deadline> out = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        String prefix = track.name() + ".";
        for (String key : rules.keysWithPrefix(prefix)) {
            List<RuleEntry> versions = rules.versions(key).stream().filter(e -> e.kind() == RuleKind.DEADLINE).toList();
            if (versions.isEmpty()) {
                continue;
            }
            String shortKey = key.substring(prefix.length());
            String fromKey = versions.get(0).deadline().from();
            LocalDate fromDate = primaryDates.get(fromKey);
            if (fromDate == null) {
                continue; // only deadlines whose trigger is given
            }
            KeysOn keysOn = versions.get(0).keysOn();
            LocalDate selection = selectionDate(keysOn, fromDate, events);
            Optional<RuleEntry> batchedVariant = opts.disputeTypeOrDefault() == DisputeType.BATCHED
                    ? rules.find(key, "BATCHED", selection) : Optional.empty();
            // A variant applies only when the date it is keyed on is known: the batched cooling-off (30 BD, ONP on or
            // after 2026-11-01) is shorter than the statute's 90 days, so an unknown ONP start keeps the longer period
            // (a filing inside cooling-off is ineligible) and the variant's date is shown as the alternative.
            boolean variantKeyKnown = keyEventGiven(keysOn, events);
            Optional<RuleEntry> chosen = variantKeyKnown ? batchedVariant : Optional.empty();
            if (chosen.isEmpty()) {
                chosen = rules.find(key, selection);
            }
            if (chosen.isEmpty()) {
                skipped.add(new Skipped(shortKey, "no rule version in force on " + selection + " ("
                        + versions.get(0).keysOn() + ")"));
                continue;
            }
            RuleEntry rule = chosen.get();
            RuleTerms.Deadline terms = rule.deadline();
            if (terms.requires() == RuleTerms.Requirement.PORTAL_OPEN_NEGOTIATION && !portalOpenNegotiation(opts, selection)) {
                skipped.add(new Skipped(shortKey, "applies only where the 2026 portal-based open negotiation applies "
                        + "(announcement-triggered; set arbiter.deadlines.portal-open-negotiation-from or options.openNegotiationResponse)"));
                continue;
            }
            Convention conv = terms.convention();
            DayType dayType = terms.dayType();
            int count = count(terms, opts);
            boolean texasRoll = terms.texasRollForward();

            LocalDate due = compute(conv, count, dayType, texasRoll, fromDate, primary);
            primaryDates.put(shortKey, due);
            List<Deadline.Alternative> alts = new ArrayList<>();
            for (RuleTerms.Alternative alt : terms.alternatives()) {
                LocalDate d = compute(alt.convention(), alt.countOr(count), alt.dayType(), texasRoll, fromDate, primary);
                addAlternative(alts, due, d, alt.reading());
            }
            if (!variantKeyKnown && batchedVariant.isPresent() && batchedVariant.get() != rule) {
                RuleEntry v = batchedVariant.get();
                RuleTerms.Deadline b = v.deadline();
                LocalDate d = compute(b.convention(), b.count(), b.dayType(), texasRoll, fromDate, primary);
                addAlternative(alts, due, d, "Batched-dispute rule " + v.versionLabel() + " if the open negotiation started on or after "
                        + v.effectiveFrom() + " (start not given; the longer period applies until it is)");
            }
            LocalDate closureFrom = closureDates.get(fromKey);
            LocalDate closureDue = compute(conv, count, dayType, texasRoll, closureFrom, closures);
            closureDates.put(shortKey, closureDue);
            addAlternative(alts, due, closureDue, calendars.closureDaysCounted()
                    ? "Executive-order closure days counted as business days"
                    : "Executive-order closure days counted as non-business days (UNVERIFIED, federal-idr.md §6.3)");
            LocalDate texasFrom = texasDates.get(fromKey);
            LocalDate texasDue = compute(conv, count, dayType, texasRoll, texasFrom, texas);
            texasDates.put(shortKey, texasDue);
            addAlternative(alts, due, texasDue, calendars.texasHolidaysApplied()
                    ? "Texas roll-forward over weekends and the national holidays of Gov't Code §662.003(a) only (state holidays of §662.003(b) not applied)"
                    : "State holidays of Gov't Code §662.003(b) (UNVERIFIED) also applied in the Code Construction Act roll-forward");
            out.add(new Deadline(shortKey, due, dayType, count, fromKey, fromDate, rule.citationUrl(),
                    rule.versionLabel(), alts, conv, rule.citationText(), rule.unverified(), rule.note()));
        }
        out.sort(Comparator.comparing(Deadline::dueDate).thenComparing(Deadline::key));
        return new Result(out, skipped);
    }

    private static void addAlternative(List<Deadline.Alternative> alts, LocalDate due, @Nullable LocalDate other, String reading) {
        if (other != null && !other.equals(due) && alts.stream().noneMatch(a -> a.dueDate().equals(other) && a.reading().equals(reading))) {
            alts.add(new Deadline.Alternative(other, reading));
        }
    }

    private boolean portalOpenNegotiation(DeadlineOptions opts, LocalDate onpStart) {
        if (opts.openNegotiationResponse() != null) {
            return opts.openNegotiationResponse();
        }
        LocalDate from = settings.getPortalOpenNegotiationFrom();
        return from != null && !onpStart.isBefore(from);
    }

    private int count(RuleTerms.Deadline rule, DeadlineOptions opts) {
        if (rule.configurableCount() == RuleTerms.ConfigurableCount.WC_RECONSIDERATION_MONTHS) {
            return opts.wcReconsiderationMonths() != null ? opts.wcReconsiderationMonths() : settings.getWcReconsiderationMonths();
        }
        if (rule.configurableCount() == RuleTerms.ConfigurableCount.PAYER_APPEAL_WINDOW_DAYS && opts.appealWindowDays() != null) {
            return opts.appealWindowDays();
        }
        return rule.count();
    }

    /** Whether the event a rule is keyed on was given (the trigger date always is). */
    private static boolean keyEventGiven(KeysOn keysOn, Map<String, LocalDate> events) {
        return switch (keysOn) {
            case OPEN_NEGOTIATION_START -> events.containsKey("OPEN_NEGOTIATION_STARTED");
            case INITIATION_DATE -> events.containsKey("IDR_INITIATED");
            case DATE_OF_SERVICE -> events.containsKey("DATE_OF_SERVICE");
            default -> true;
        };
    }

    private static LocalDate selectionDate(KeysOn keysOn, LocalDate fromDate, Map<String, LocalDate> events) {
        LocalDate d = switch (keysOn) {
            case OPEN_NEGOTIATION_START -> events.get("OPEN_NEGOTIATION_STARTED");
            case INITIATION_DATE -> events.get("IDR_INITIATED");
            case DATE_OF_SERVICE -> events.get("DATE_OF_SERVICE");
            default -> null;
        };
        return d == null ? fromDate : d;
    }

    LocalDate compute(Convention conv, int count, DayType dayType, boolean texasRoll, LocalDate from, World world) {
        return compute(conv, count, dayType, texasRoll, from, world.federal(), world.texasHolidays());
    }

    /** The arithmetic of one rule on one calendar reading. */
    LocalDate compute(Convention conv, int count, DayType dayType, boolean texasRoll, LocalDate from,
                      BusinessDayCalendar federal, boolean texasHolidays) {
        boolean bd = dayType == DayType.BUSINESS;
        LocalDate d = switch (conv) {
            case PERIOD_BEGINNING_ON -> bd ? federal.dayOfPeriodBeginning(from, count) : from.plusDays(count - 1L);
            case DAYS_AFTER, WINDOW_AFTER_PERIOD -> bd ? federal.businessDaysAfter(from, count) : from.plusDays(count);
            case MONTHS_AFTER -> from.plusMonths(count);
            case YEARS_AFTER -> from.plusYears(count);
            case FIRST_DAY_OF_MONTH_AFTER -> from.withDayOfMonth(1).plusMonths(count);
        };
        return texasRoll ? calendars.texas().rollForward(d, texasHolidays) : d;
    }

    /** Unknown event keys → 400; impossible orders → 422, each located at "events.KEY". */
    void validateEvents(Track track, Map<String, LocalDate> events) {
        List<String> order = TriggerEvents.BY_TRACK.getOrDefault(track.name(), List.of());
        List<ApiProblem.ProblemDetail> unknown = new ArrayList<>();
        for (String k : events.keySet()) {
            if (!order.contains(k)) {
                unknown.add(new ApiProblem.ProblemDetail("events." + k, "unknown event key for " + track + "; expected one of " + order));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(io.micronaut.http.HttpStatus.BAD_REQUEST, "Bad Request", "Unknown event key(s)", unknown);
        }
        List<ApiProblem.ProblemDetail> disorder = new ArrayList<>();
        for (int j = 0; j < order.size(); j++) {
            LocalDate later = events.get(order.get(j));
            if (later == null) {
                continue;
            }
            for (int i = 0; i < j; i++) {
                LocalDate earlier = events.get(order.get(i));
                if (earlier != null && later.isBefore(earlier)) {
                    disorder.add(new ApiProblem.ProblemDetail("events." + order.get(j), order.get(j) + " (" + later
                            + ") cannot be before " + order.get(i) + " (" + earlier + ")"));
                    break;
                }
            }
        }
        if (!disorder.isEmpty()) {
            throw ApiException.unprocessable("Impossible order of events", disorder);
        }
    }
}
