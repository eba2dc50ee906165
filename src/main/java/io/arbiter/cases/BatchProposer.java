package io.arbiter.cases;

import io.arbiter.cases.BatchCandidates.Candidate;
import io.arbiter.cases.BatchCandidates.Filter;
import io.arbiter.cases.BatchCandidates.Left;
import io.arbiter.common.DisplayFormat;
import io.arbiter.rules.Track;
import io.arbiter.security.PracticeAccess;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Proposes batches of federal IDR lines that may be decided together (same provider, payer and service code, one
 * service window under the line cap; 42 U.S.C. 300gg-111(c)(3), federal-idr.md §4) and says why every other line was
 * left out. A proposal's deadline is the earliest last day to start open negotiation among its lines (30 business days
 * from the day each claim's initial payment or denial was received, 42 U.S.C. 300gg-111(c)(1)(A)); a line whose day has
 * passed is never proposed. Proposals come soonest deadline first, then largest underpayment gap.
 *
 * <p>The lines are selected and categorised in SQL ({@link BatchCandidates}); this class only walks the thin candidate
 * rows once to cut them into windows, and reads claim numbers for the lines a page shows.
 */
@Singleton
public class BatchProposer {

    /** A proposed line; {@code gap} is null when no underpayment finding prices it. */
    @Serdeable
    public record ProposedLine(Long lineId, Long claimId, String patientControlNumber, int lineNumber, String procedureCode,
                               LocalDate serviceDate, BigDecimal billed, BigDecimal paid, @Nullable BigDecimal gap,
                               LocalDate paymentReceived, LocalDate openNegotiationDue) {
    }

    /**
     * One proposed batch: its service window (first and last date of service, and the last day the window admits), its
     * deadline (the earliest open-negotiation due date of its lines, from the payment received on
     * {@code deadlineFrom}), days left until it, and its total gap over the priced lines ({@code unpricedLines} have
     * none). {@code lines} holds the lines shown (all of them from the API, the first few on the page).
     */
    @Serdeable
    public record Proposal(String provider, Long payerId, String procedureCode, LocalDate windowStart, LocalDate windowEnd,
                           LocalDate lastServiceDate, int lineCount, int claimCount, BigDecimal billed, BigDecimal paid,
                           LocalDate deadline, LocalDate deadlineFrom, int deadlineBusinessDays, long daysLeft, BigDecimal gap,
                           int unpricedLines,
                           List<Long> lineIds, List<ProposedLine> lines) {
    }

    /** A line left out, by claim number and line number, with the reason. */
    @Serdeable
    public record Excluded(Long lineId, Long claimId, String patientControlNumber, int lineNumber, String procedureCode,
                           @Nullable LocalDate serviceDate, String reason) {
    }

    @Serdeable
    public record Proposals(List<Proposal> proposals, List<Excluded> excluded, String citation) {
    }

    /** Why lines were left out, with how many. */
    @Serdeable
    public record ReasonCount(String reason, int lines) {
    }

    /** One page of proposals and one page of left-out lines (pages count from 0). */
    @Serdeable
    public record Page(List<Proposal> proposals, int proposalCount, int page, int pages, List<Excluded> excluded,
                       int excludedCount, List<ReasonCount> excludedByReason, int excludedPage, int excludedPages,
                       LocalDate asOf, String citation) {
    }

    public static final String CITATION_TEXT = "42 U.S.C. 300gg-111(c)(1)(A), (c)(3); 45 CFR 149.510(c)(3); federal-idr.md §4";
    private static final String CITATION = CITATION_TEXT;

    private final BatchCandidates candidates;
    private final CaseRulebook rules;
    private final Clock clock;
    /** The executor for a read a request waits on (application.yml): not the request threads, which are a fixed number. */
    static final String SIDE_READS = "side-reads";

    private final ExecutorService executor;

    public BatchProposer(BatchCandidates candidates, CaseRulebook rules, Clock clock,
                         @Named(SIDE_READS) ExecutorService executor) {
        this.candidates = candidates;
        this.rules = rules;
        this.clock = clock;
        this.executor = executor;
    }

    /** Every proposal with every line, and every left-out line (the API; {@code claimIds} empty = all claims). */
    public Proposals propose(@Nullable Collection<Long> claimIds, PracticeAccess access) {
        Run run = run(new Filter(null, null, null, null, claimIds), access);
        List<Proposal> all = run.materialise(run.built, Integer.MAX_VALUE);
        int total = run.leftOutTotal();
        return new Proposals(all, run.excluded(0, total), CITATION);
    }

    /**
     * A page of proposals (each with its first {@code linesShown} lines), the left-out lines counted by reason, and a
     * page of them when {@code excludedSize} is above 0 (0: counts only, which spares a sorted pass over every line).
     */
    public Page page(Filter filter, PracticeAccess access, int page, int size, int excludedPage, int excludedSize, int linesShown) {
        Run run = run(filter, access);
        int pages = Math.max(1, (run.built.size() + size - 1) / size);
        int p = Math.min(Math.max(0, page), pages - 1);
        List<Proposal> shown = run.materialise(run.built.subList(Math.min(run.built.size(), p * size),
                Math.min(run.built.size(), (p + 1) * size)), linesShown);
        int excludedTotal = run.leftOutTotal();
        int excludedPages = excludedSize <= 0 ? 1 : Math.max(1, (excludedTotal + excludedSize - 1) / excludedSize);
        int e = Math.min(Math.max(0, excludedPage), excludedPages - 1);
        List<ReasonCount> byReason = new ArrayList<>();
        run.counts.forEach((why, n) -> byReason.add(new ReasonCount(category(why), n)));
        if (!run.alone.isEmpty()) {
            byReason.add(new ReasonCount("alone in its service window", run.alone.size()));
        }
        if (!run.undated.isEmpty()) {
            byReason.add(new ReasonCount("no date of service", run.undated.size()));
        }
        return new Page(shown, run.built.size(), p, pages, excludedSize <= 0 ? List.of() : run.excluded(e * excludedSize, excludedSize),
                excludedTotal, byReason, e,
                excludedPages, run.today, CITATION);
    }

    /** The earliest initial payment date whose open-negotiation period has not ended by {@code today}. */
    private LocalDate cutoff(LocalDate today, Map<LocalDate, CaseRulebook.Deadline> due) {
        // the due date never moves back as the payment date moves forward, so step back while still open
        LocalDate d = today;
        while (dueOf(d.minusDays(1), due).dueDate().compareTo(today) >= 0) {
            d = d.minusDays(1);
        }
        return d;
    }

    private CaseRulebook.Deadline dueOf(LocalDate received, Map<LocalDate, CaseRulebook.Deadline> due) {
        return due.computeIfAbsent(received, rules::openNegotiationDue);
    }

    private Run run(Filter filter, PracticeAccess access) {
        LocalDate today = LocalDate.now(clock);
        Map<LocalDate, CaseRulebook.Deadline> due = new HashMap<>();
        LocalDate cutoff = cutoff(today, due);
        candidates.refreshTracks(access);
        Run run = new Run(filter, access, today, cutoff, due);
        // the counts are a second pass over the lines: read them on another connection meanwhile
        CompletableFuture<Map<Left, Integer>> counts = CompletableFuture.supplyAsync(
                () -> candidates.leftOutCounts(filter, access, cutoff), executor);
        run.build(candidates.candidates(filter, access, cutoff), rules.batchServiceWindow(today), rules.batchLineCap(today));
        run.counts.putAll(counts.join());
        return run;
    }

    private static String category(Left why) {
        return switch (why) {
            case OPEN_CASE -> "already disputed in an open case";
            case OTHER_TRACK -> "not on the federal IDR track";
            case NO_INITIAL_PAYMENT -> "no initial payment date";
            case WINDOW_CLOSED -> "open-negotiation window closed";
        };
    }

    /** A window of candidates before it is shown. */
    private record Built(List<Candidate> lines, LocalDate start, LocalDate end, LocalDate earliestReceived, BigDecimal gap) {
    }

    /** One computation of the proposals over the filtered lines. */
    private final class Run {
        final Filter filter;
        final PracticeAccess access;
        final LocalDate today;
        final LocalDate cutoff;
        final Map<LocalDate, CaseRulebook.Deadline> due;
        final List<Built> built = new ArrayList<>();
        final List<Built> alone = new ArrayList<>();
        final List<Candidate> undated = new ArrayList<>();
        final Map<Left, Integer> counts = new EnumMap<>(Left.class);
        int windowDays;

        Run(Filter filter, PracticeAccess access, LocalDate today, LocalDate cutoff, Map<LocalDate, CaseRulebook.Deadline> due) {
            this.filter = filter;
            this.access = access;
            this.today = today;
            this.cutoff = cutoff;
            this.due = due;
        }

        /** Cuts the ordered candidates into windows: a new one at a new provider/payer/code, past the window end, or at the cap. */
        void build(List<Candidate> rows, int windowDays, OptionalInt cap) {
            this.windowDays = windowDays;
            Map<LocalDate, LocalDate> windowEnd = new HashMap<>();
            List<Candidate> current = new ArrayList<>();
            LocalDate start = null;
            LocalDate end = null;
            Candidate previous = null;
            for (Candidate c : rows) {
                if (c.serviceDate() == null) {
                    undated.add(c);
                    continue;
                }
                boolean sameGroup = previous != null && Objects.equals(previous.npi(), c.npi())
                        && Objects.equals(previous.payerId(), c.payerId()) && previous.code().equals(c.code());
                boolean full = cap.isPresent() && current.size() >= cap.getAsInt();
                if (!sameGroup || start == null || c.serviceDate().isAfter(end) || full) {
                    flush(current, start, end);
                    current = new ArrayList<>();
                    start = c.serviceDate();
                    end = windowEnd.computeIfAbsent(start, d -> rules.businessDayPeriodEnd(d, windowDays));
                }
                current.add(c);
                previous = c;
            }
            flush(current, start, end);
            Comparator<Built> order = Comparator.comparing((Built b) -> deadline(b).dueDate())
                    .thenComparing(Built::gap, Comparator.reverseOrder())
                    .thenComparing(b -> String.valueOf(b.lines().get(0).npi()))
                    .thenComparing(b -> b.lines().get(0).code())
                    .thenComparing(Built::start);
            built.sort(order);
        }

        private void flush(List<Candidate> lines, @Nullable LocalDate start, @Nullable LocalDate end) {
            if (lines.isEmpty()) {
                return;
            }
            Built b = new Built(List.copyOf(lines), start, end,
                    lines.stream().map(Candidate::received).min(Comparator.naturalOrder()).orElseThrow(),
                    lines.stream().map(Candidate::gap).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add));
            // one claim's lines alone are a single dispute, not a batch
            (lines.stream().map(Candidate::claimId).distinct().count() < 2 ? alone : built).add(b);
        }

        CaseRulebook.Deadline deadline(Built b) {
            return dueOf(b.earliestReceived(), due);
        }

        List<Proposal> materialise(List<Built> page, int linesShown) {
            List<Long> shownIds = new ArrayList<>();
            page.forEach(b -> b.lines().stream().limit(linesShown).forEach(l -> shownIds.add(l.lineId())));
            Map<Long, BatchCandidates.LineLabel> labels = candidates.labels(shownIds);
            List<Proposal> out = new ArrayList<>();
            for (Built b : page) {
                Candidate first = b.lines().get(0);
                CaseRulebook.Deadline d = deadline(b);
                List<ProposedLine> lines = b.lines().stream().limit(linesShown).map(l -> new ProposedLine(l.lineId(), l.claimId(),
                        labels.get(l.lineId()).patientControlNumber(), labels.get(l.lineId()).lineNumber(), l.code(), l.serviceDate(),
                        l.billed(), l.paid(), l.gap(), l.received(), dueOf(l.received(), due).dueDate())).toList();
                out.add(new Proposal(first.npi(), first.payerId(), first.code(), b.start(), b.end(),
                        b.lines().get(b.lines().size() - 1).serviceDate(), b.lines().size(),
                        (int) b.lines().stream().map(Candidate::claimId).distinct().count(),
                        b.lines().stream().map(Candidate::billed).reduce(BigDecimal.ZERO, BigDecimal::add),
                        b.lines().stream().map(Candidate::paid).reduce(BigDecimal.ZERO, BigDecimal::add),
                        d.dueDate(), d.fromDate(), d.count(), ChronoUnit.DAYS.between(today, d.dueDate()), b.gap(),
                        (int) b.lines().stream().filter(l -> l.gap() == null).count(),
                        b.lines().stream().map(Candidate::lineId).toList(), lines));
            }
            return out;
        }

        int sqlLeftOut() {
            return counts.values().stream().mapToInt(Integer::intValue).sum();
        }

        int leftOutTotal() {
            return sqlLeftOut() + alone.stream().mapToInt(b -> b.lines().size()).sum() + undated.size();
        }

        /** Left-out lines from {@code offset}: SQL's categories first, then the windowing's (alone, undated). */
        List<Excluded> excluded(int offset, int limit) {
            List<Excluded> out = new ArrayList<>();
            int sql = sqlLeftOut();
            if (offset < sql) {
                for (BatchCandidates.LeftOut l : candidates.leftOut(filter, access, cutoff, offset, Math.min(limit, sql - offset))) {
                    out.add(new Excluded(l.lineId(), l.claimId(), l.patientControlNumber(), l.lineNumber(), l.code(), l.serviceDate(),
                            reason(l)));
                }
            }
            List<Candidate> rest = new ArrayList<>();
            List<String> why = new ArrayList<>();
            for (Built b : alone) {
                for (Candidate c : b.lines()) {
                    rest.add(c);
                    why.add("no other claim with the same provider, payer and service code in its " + windowDays
                            + "-business-day service window (" + b.start()
                            + " to " + b.end() + "); dispute it singly");
                }
            }
            for (Candidate c : undated) {
                rest.add(c);
                why.add("the line has no date of service, so its batching window cannot be placed");
            }
            int from = Math.max(0, offset - sql);
            int to = Math.min(rest.size(), from + limit - out.size());
            if (from < to) {
                Map<Long, BatchCandidates.LineLabel> labels = candidates.labels(rest.subList(from, to).stream().map(Candidate::lineId).toList());
                for (int i = from; i < to; i++) {
                    Candidate c = rest.get(i);
                    BatchCandidates.LineLabel label = labels.get(c.lineId());
                    out.add(new Excluded(c.lineId(), c.claimId(), label.patientControlNumber(), label.lineNumber(), c.code(),
                            c.serviceDate(), why.get(i)));
                }
            }
            return out;
        }

        private String reason(BatchCandidates.LeftOut l) {
            return switch (l.why()) {
                case OPEN_CASE -> "already disputed in open case " + l.caseNumber();
                case OTHER_TRACK -> "the claim is on the " + (l.track() == null ? "undecided" : DisplayFormat.words(Track.valueOf(l.track())))
                        + " track; only federal IDR disputes are batched";
                case NO_INITIAL_PAYMENT -> "no initial payment or denial date is known for the claim, so its open-negotiation "
                        + "period cannot be computed; import the remittance first";
                case WINDOW_CLOSED -> {
                    CaseRulebook.Deadline d = dueOf(l.received(), due);
                    yield "open negotiation had to start by " + d.dueDate() + " (" + d.count() + " business days from the payment received "
                            + l.received() + "); the federal IDR window has closed";
                }
            };
        }
    }
}
