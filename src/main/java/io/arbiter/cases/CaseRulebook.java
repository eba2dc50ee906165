package io.arbiter.cases;

import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What cases need from the rule engines (track selection, eligibility, deadlines, fees), as one
 * narrow port so the case workflow stays independent of how those engines are built.
 */
public interface CaseRulebook {

    /** The track for a claim and why. */
    TrackChoice chooseTrack(Long claimId);

    /**
     * Eligibility gates for opening a dispute on these lines (federal IDR screen; other tracks may return none); the
     * lines are the batch's items when they come from more than one claim.
     */
    List<Gate> screen(Track track, List<io.arbiter.claims.ClaimLine> lines, @Nullable LocalDate openNegotiationStarted,
                      @Nullable LocalDate initiationDate);

    /**
     * The last day to start federal open negotiation when the initial payment or denial was received on {@code received}
     * (FEDERAL_IDR.OPEN_NEGOTIATION_NOTICE_DUE through the deadline engine; 42 U.S.C. 300gg-111(c)(1)(A)).
     */
    Deadline openNegotiationDue(LocalDate received);

    /** The business days of the batching service period in force on a date (FEDERAL_IDR.BATCH_SERVICE_WINDOW). */
    int batchServiceWindow(LocalDate onDate);

    /** Deadlines of a track from the dates its trigger events happened. */
    List<Deadline> deadlines(Track track, Map<String, LocalDate> events, @Nullable Long payerId);

    /** The last day of a business-day period beginning on {@code start} (start is day 1 when a business day). */
    LocalDate businessDayPeriodEnd(LocalDate start, int businessDays);

    /** Business days after {@code from} up to and including {@code to} (0 when {@code to} is not after {@code from}). */
    int businessDaysBetween(LocalDate from, LocalDate to);

    /** The line cap for a batched dispute in force on a date, if any. */
    java.util.OptionalInt batchLineCap(LocalDate onDate);

    /** The federal batching criteria applied to these lines (one gate result). */
    Gate batchingGate(List<io.arbiter.claims.ClaimLine> lines, Map<Long, io.arbiter.claims.Claim> claimById);

    /** Fees a dispute is expected to cost, by initiation date and size. */
    List<io.arbiter.deadlines.FeeEstimate> fees(Track track, LocalDate initiationDate, boolean batched, int lineCount);

    record TrackChoice(Track track, List<String> reasons, List<String> citations, List<String> warnings) {
    }

    record Gate(String name, GateOutcome status, String reason, @Nullable String citation) {
        public boolean failed() {
            return status == GateOutcome.FAIL;
        }
    }

    record Deadline(String key, LocalDate dueDate, io.arbiter.rules.DayType dayType, int count, String from, LocalDate fromDate,
                    @Nullable String citation, @Nullable String ruleVersion, List<Alternative> alternatives) {
    }

    record Alternative(LocalDate dueDate, String reading) {
    }

}
