package io.arbiter.cases;

import io.arbiter.common.EnumText;
import io.arbiter.security.PracticeAccess;
import io.arbiter.common.Money;
import io.arbiter.practice.Payer;
import io.arbiter.practice.Payers;
import io.arbiter.rules.Track;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builds case documents and the work queue. */
@Singleton
public class CaseReader {

    private final DisputeCaseRepository cases;
    private final CaseLineRepository lines;
    private final CaseEventRepository events;
    private final CaseDeadlineRepository deadlines;
    private final CaseDocumentRepository documents;
    private final CaseShareRepository shares;
    private final Payers payers;
    private final JdbcOperations jdbc;
    private final CaseRulebook rules;
    private final CaseLineTermsRepository terms;
    private final CaseEligibilityGateRepository gateRows;
    private final CaseDeadlineAlternativeRepository alternativeRows;
    /** Totals this large are kept for a few seconds (see {@link #total}). */
    private final long largeTotal;
    private final long totalCacheNanos;
    private final java.util.concurrent.ConcurrentHashMap<String, long[]> totals = new java.util.concurrent.ConcurrentHashMap<>();

    public CaseReader(DisputeCaseRepository cases, CaseLineRepository lines, CaseEventRepository events,
                      CaseDeadlineRepository deadlines, CaseDocumentRepository documents, CaseShareRepository shares,
                      Payers payers, JdbcOperations jdbc, CaseRulebook rules, CaseLineTermsRepository terms,
                      CaseEligibilityGateRepository gateRows, CaseDeadlineAlternativeRepository alternativeRows,
                      @io.micronaut.context.annotation.Value("${arbiter.queue.total-cache-seconds:10}") long totalCacheSeconds,
                      @io.micronaut.context.annotation.Value("${arbiter.queue.total-cache-from:1000}") long largeTotal) {
        this.totalCacheNanos = totalCacheSeconds * 1_000_000_000L;
        this.largeTotal = largeTotal;
        this.alternativeRows = alternativeRows;
        this.gateRows = gateRows;
        this.terms = terms;
        this.rules = rules;
        this.cases = cases;
        this.lines = lines;
        this.events = events;
        this.deadlines = deadlines;
        this.documents = documents;
        this.shares = shares;
        this.payers = payers;
        this.jdbc = jdbc;
    }

    private List<CaseView.Deadline> deadlineViews(List<CaseDeadline> rows) {
        java.util.Map<Long, List<CaseView.Alternative>> alternatives = new java.util.HashMap<>();
        if (!rows.isEmpty()) {
            alternativeRows.findByCaseDeadlineIdInOrderByOrdinal(rows.stream().map(CaseDeadline::id).toList()).forEach(a ->
                    alternatives.computeIfAbsent(a.caseDeadlineId(), k -> new ArrayList<>()).add(new CaseView.Alternative(a.dueDate(), a.reading())));
        }
        return rows.stream().map(d -> new CaseView.Deadline(d.key(), d.dueDate(), d.dayType(), d.count(), d.fromKey(), d.fromDate(),
                d.citation(), d.ruleVersion(), alternatives.getOrDefault(d.id(), List.of()), d.met())).toList();
    }

    /** The case's eligibility screen as last run, gate by gate in the screen's order. */
    public List<CaseView.Gate> gates(long caseId) {
        return gateRows.findByCaseIdOrderByOrdinal(caseId).stream()
                .map(g -> new CaseView.Gate(g.name(), g.status(), g.reason(), g.citation())).toList();
    }

    /** The case's lines, each with its typed terms (LineTerms.NONE when none were entered). */
    private List<CaseView.Line> lineViews(List<CaseLine> caseLines) {
        java.util.Map<Long, LineTerms> byLine = new java.util.HashMap<>();
        if (!caseLines.isEmpty()) {
            terms.findByCaseLineIdIn(caseLines.stream().map(CaseLine::id).toList()).forEach(t -> byLine.put(t.caseLineId(), t.terms()));
        }
        return caseLines.stream().map(l -> new CaseView.Line(l.id(), l.claimId(), l.claimLineId(), l.procedureCode(), l.serviceDate(),
                l.billed(), l.allowed(), l.paid(), l.costSharing(), byLine.getOrDefault(l.id(), LineTerms.NONE))).toList();
    }

    @Transactional(readOnly = true)
    public CaseView view(DisputeCase c) {
        Payer payer = c.getPayerId() == null ? null : payers.findById(c.getPayerId()).orElse(null);
        List<CaseEvent> history = events.findByCaseIdOrderById(c.getId());
        BigDecimal idreFees = history.stream().filter(e -> e.type() == CaseEventType.FEE_PAID && e.feeKind() == FeeKind.IDRE)
                .map(CaseEvent::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        // The IDRE refunds the prevailing party's IDRE fee (42 U.S.C. 300gg-111(c)(5)(F); federal-idr.md §3).
        BigDecimal refundDue = c.getTrack() == Track.FEDERAL_IDR && c.getOutcome() == Outcome.WON ? idreFees : BigDecimal.ZERO;
        List<CaseView.Gate> gates = gates(c.getId());
        CaseWorkflow workflow = CaseWorkflow.forTrack(c.getTrack());
        return new CaseView(c.getId(), c.getCaseNumber(), c.getTrack().name(), c.getStage().name(), c.isBatched(), c.getAssignee(),
                payer == null ? null : new CaseView.Payer(payer.id(), payer.name(), payer.payerCode()),
                c.getPrimaryCode(), c.getServiceRegion(), c.getInitialPaymentDate(),
                c.getTrackReasons() == null || c.getTrackReasons().isBlank() ? List.of() : Arrays.asList(c.getTrackReasons().split("\n")),
                gates, gates.stream().noneMatch(g -> g.status() == GateOutcome.FAIL),
                new CaseView.Money(c.getBilled(), c.getInitialPaid(), c.getCostSharing(), c.getQpa(), c.getExpected(),
                        c.getProviderOffer(), c.getPayerOffer(), c.getDetermination(), c.getSettlementAmount(), c.owed(),
                        c.getPaymentsReceived(), c.outstanding(), c.getFeesPaid(), Money.cents(refundDue),
                        c.getFeeRefundsReceived(), c.net()),
                c.getOutcome() == null ? null : c.getOutcome().name(),
                c.getNextDeadlineKey() == null ? null : new CaseView.NextDeadline(c.getNextDeadlineKey(), c.getNextDeadlineDate()),
                deadlineViews(deadlines.findByCaseIdOrderByDueDate(c.getId())),
                lineViews(lines.findByCaseIdOrderById(c.getId())),
                history.stream().map(e -> new CaseView.Event(e.id(), e.type().name(), e.eventDate(), e.amount(), e.feeKind(),
                        e.outcome() == null ? null : e.outcome().name(), e.note(), e.actor(),
                        e.stageBefore() == null ? null : e.stageBefore().name(), e.stageAfter() == null ? null : e.stageAfter().name())).toList(),
                documents.findByCaseIdOrderById(c.getId()).stream().map(d -> new CaseView.Document(d.id(), d.kind(), d.title(),
                        d.fileName(), d.contentType(), d.sha256(), d.sizeBytes(), d.eventId(), d.uploadedBy())).toList(),
                workflow.mainPath().stream().map(Enum::name).toList(),
                c.getStage().terminal() ? List.of() : workflow.allowedEvents(c.getStage()).stream().map(Enum::name).toList(),
                shares.findByCaseId(c.getId()).stream().map(CaseShare::username).toList(),
                c.getVersion() == null ? 0 : c.getVersion(), c.getCreatedAt());
    }

    /**
     * The work queue: cases sorted by next deadline (none last), filtered by stage, assignee, due date,
     * and — for attorneys — limited to the cases shared with them; only cases of practices the user reaches.
     */
    @Transactional(readOnly = true)
    public io.arbiter.common.Page<CaseView.Summary> queue(@Nullable String stage, @Nullable String assignee,
                                                          @Nullable LocalDate dueBefore, @Nullable String track,
                                                          @Nullable String sharedWith, PracticeAccess access, LocalDate today,
                                                          int page, int size) {
        return queue(stage, assignee, dueBefore, track, sharedWith, access, null, null, today, page, size);
    }

    /** As above, also filtered by payer name and a claim search (patient or payer claim control number). */
    @Transactional(readOnly = true)
    public io.arbiter.common.Page<CaseView.Summary> queue(@Nullable String stage, @Nullable String assignee,
                                                          @Nullable LocalDate dueBefore, @Nullable String track,
                                                          @Nullable String sharedWith, PracticeAccess access,
                                                          @Nullable String payerName, @Nullable String claimSearch,
                                                          LocalDate today, int page, int size) {
        QueuePage q = queuePage(new QueueFilter(stage, assignee, dueBefore, track, sharedWith, payerName, claimSearch), access, today, page,
                size, null);
        return new io.arbiter.common.Page<>(q.items(), q.page(), q.size(), q.total());
    }

    /** What the queue is filtered by (each null = not filtered); {@code stage} "OPEN" is every stage still worked. */
    public record QueueFilter(@Nullable String stage, @Nullable String assignee, @Nullable LocalDate dueBefore, @Nullable String track,
                              @Nullable String sharedWith, @Nullable String payerName, @Nullable String claimSearch) {
    }

    /**
     * A page of the queue: {@code next} is the keyset cursor of the page after it (null on the last page); {@code total}
     * is the number of cases the filter matches (from {@code arbiter.queue.total-cache-from} up, possibly a few seconds old).
     */
    @io.micronaut.serde.annotation.Serdeable
    public record QueuePage(List<CaseView.Summary> items, int page, int size, long total, @Nullable String next) {
    }

    /**
     * The queue in its order — cases with a next deadline by (date, id), then those without by id — read either by
     * page number ({@code after} null: OFFSET) or from a keyset cursor ({@code after}, a previous page's {@code next}:
     * no OFFSET, so a deep page costs what the first one does).
     *
     * <p>Each half of the order is one index-ordered query ({@code ix_case_due}, {@code ix_case_queue},
     * {@code ix_case_assignee_due}, {@code ix_case_assignee_stage}; V94, V95) instead of one query sorted on an expression, which read and sorted every
     * matching case for each page.
     *
     * <p>A connection without a transaction: each query commits alone. A total a moment apart from the rows is harmless
     * here, and begin/commit would add three round trips to the cheapest page.
     */
    @io.micronaut.data.connection.annotation.Connectable
    public QueuePage queuePage(QueueFilter filter, PracticeAccess access, LocalDate today, int page, int size, @Nullable String after) {
        StringBuilder where = new StringBuilder(access.sqlCondition("c.practice_id"));
        List<Object> args = new ArrayList<>();
        String stage = filter.stage();
        if ("OPEN".equalsIgnoreCase(stage)) {
            where.append(" AND c.stage NOT IN ('CLOSED','WITHDRAWN','INELIGIBLE','PAID','SETTLED')");
        } else if (stage != null && !stage.isBlank()) {
            where.append(" AND c.stage = ?");
            args.add(EnumText.parse(CaseStage.class, stage, "stage").name());
        }
        if (filter.track() != null && !filter.track().isBlank()) {
            where.append(" AND c.track = ?");
            args.add(EnumText.parse(Track.class, filter.track(), "track").name());
        }
        if (filter.assignee() != null && !filter.assignee().isBlank()) {
            where.append(" AND c.assignee = ?");
            args.add(filter.assignee());
        }
        if (filter.dueBefore() != null) {
            where.append(" AND c.next_deadline_date < ?");
            args.add(filter.dueBefore());
        }
        if (filter.sharedWith() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM case_share s WHERE s.case_id = c.id AND s.username = ?)");
            args.add(filter.sharedWith());
        }
        if (filter.payerName() != null && !filter.payerName().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM payer p WHERE p.id = c.payer_id AND p.name = ?)");
            args.add(filter.payerName());
        }
        if (filter.claimSearch() != null && !filter.claimSearch().isBlank()) {
            where.append(" AND EXISTS (SELECT 1 FROM case_line l JOIN claim cl ON cl.id = l.claim_id WHERE l.case_id = c.id"
                    + " AND (cl.patient_control_number = ? OR cl.payer_claim_control_number = ?))");
            args.add(filter.claimSearch().trim());
            args.add(filter.claimSearch().trim());
        }
        QueueCursor from = after == null ? null : QueueCursor.parse(after);
        String totalKey = where + "|" + args;
        Long kept = keptTotal(totalKey);
        // the page's first query counts the filter's cases too, unless a kept total stands (one round trip fewer)
        Filtered countWhere = kept == null ? new Filtered(where.toString(), args) : null;
        long counted = -1;
        // one more row than the page, to know whether a next page exists
        List<CaseView.Summary> items = new ArrayList<>();
        if (from == null) {
            long offset = (long) page * size;
            Rows dated = queueRows(where + " AND c.next_deadline_date IS NOT NULL", args, "c.next_deadline_date, c.id", size + 1, offset,
                    today, countWhere);
            counted = dated.total();
            items.addAll(dated.items());
            if (items.size() <= size) {
                // the dated cases end on this page (they number offset + what was read) or before it (counted)
                long datedCount = !items.isEmpty() ? offset + items.size() : count(where + " AND c.next_deadline_date IS NOT NULL", args);
                Rows undated = queueRows(where + " AND c.next_deadline_date IS NULL", args, "c.id", size + 1 - items.size(),
                        Math.max(0, offset - datedCount), today, counted < 0 ? countWhere : null);
                counted = Math.max(counted, undated.total());
                items.addAll(undated.items());
            }
        } else {
            if (from.date() != null) {
                List<Object> dated = new ArrayList<>(args);
                dated.addAll(List.of(from.date(), from.date(), from.id()));
                Rows rows = queueRows(where + " AND c.next_deadline_date IS NOT NULL AND c.next_deadline_date >= ?"
                        + " AND (c.next_deadline_date > ? OR c.id > ?)", dated, "c.next_deadline_date, c.id", size + 1, 0, today, countWhere);
                counted = rows.total();
                items.addAll(rows.items());
            }
            if (items.size() <= size) {
                List<Object> undated = new ArrayList<>(args);
                String idAfter = "";
                if (from.date() == null) {
                    idAfter = " AND c.id > ?";
                    undated.add(from.id());
                }
                Rows rows = queueRows(where + " AND c.next_deadline_date IS NULL" + idAfter, undated, "c.id", size + 1 - items.size(), 0, today,
                        counted < 0 ? countWhere : null);
                counted = Math.max(counted, rows.total());
                items.addAll(rows.items());
            }
        }
        long total = kept != null ? kept : keep(totalKey, counted >= 0 ? counted : count(where, args));
        boolean more = items.size() > size;
        if (more) {
            items = items.subList(0, size);
        }
        String next = null;
        if (more && !items.isEmpty()) {
            CaseView.Summary last = items.get(items.size() - 1);
            next = new QueueCursor(last.nextDeadlineDate(), last.id()).text();
        }
        return new QueuePage(items, from == null ? page : 0, size, total, next);
    }

    /**
     * The kept count of a filter's cases ({@code key}: its condition and arguments), if one stands; the page query counts
     * otherwise and {@link #keep} decides whether to keep it. A count of {@code arbiter.queue.total-cache-from} (1,000) or more is
     * kept for {@code arbiter.queue.total-cache-seconds} (10 by default, 0: never kept) and reused for the same filter:
     * counting 100,000 cases costs 15–40 ms of database CPU, and a specialist's 5,000 open cases 2–5 ms, paid on every
     * page view otherwise. Smaller totals — where one case more or less is the news — and every row of every page are
     * always read fresh.
     */
    @Nullable
    private Long keptTotal(String key) {
        long[] kept = totals.get(key);
        return kept != null && kept[1] - System.nanoTime() > 0 ? kept[0] : null;
    }

    private long keep(String key, long total) {
        if (total >= largeTotal && totalCacheNanos > 0) {
            if (totals.size() > 1_000) {
                totals.clear();
            }
            totals.put(key, new long[] {total, System.nanoTime() + totalCacheNanos});
        } else {
            totals.remove(key);
        }
        return total;
    }

    private long count(CharSequence where, List<Object> args) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM dispute_case c WHERE " + where, ps -> {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * One half of the queue's order as its rows, the payer's name joined: the page is one query (it was three — the
     * ids, the cases, their payers' names). Past the first page of a page-number walk, the page's ids are chosen first
     * from the index alone and only those cases are read: read whole, every case an OFFSET skips would be looked up too
     * (page 1,000 read 50,000). Without an offset (a first page, a keyset page) that detour only costs a temporary table.
     */
    private Rows queueRows(CharSequence where, List<Object> args, String order, int limit, long offset, LocalDate today,
                           @Nullable Filtered countWhere) {
        // the count is a subquery of its own (its c is the inner table), read once with the rows: no round trip of its own
        String columns = "SELECT c.id, c.case_number, c.track, c.stage, c.assignee, p.name, c.primary_code, c.billed, c.initial_paid,"
                + " c.cost_sharing, c.determination, c.settlement_amount, c.payments_received, c.next_deadline_key,"
                + " c.next_deadline_date, c.batched"
                + (countWhere == null ? "" : ", (SELECT COUNT(*) FROM dispute_case c WHERE " + countWhere.where() + ")") + " FROM ";
        String sql = offset == 0
                ? columns + "dispute_case c LEFT JOIN payer p ON p.id = c.payer_id WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?"
                : columns + "(SELECT c.id FROM dispute_case c WHERE " + where + " ORDER BY " + order + " LIMIT ? OFFSET ?) page"
                + " JOIN dispute_case c ON c.id = page.id LEFT JOIN payer p ON p.id = c.payer_id ORDER BY " + order;
        return jdbc.prepareStatement(sql, ps -> {
            int at = 0;
            if (countWhere != null) { // the count's arguments come first: its subquery is in the select list
                bind(ps, countWhere.args(), 0);
                at = countWhere.args().size();
            }
            bind(ps, args, at);
            at += args.size();
            ps.setInt(at + 1, limit);
            ps.setLong(at + 2, offset);
            List<CaseView.Summary> out = new ArrayList<>();
            long total = -1;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BigDecimal initialPaid = rs.getBigDecimal(9);
                    BigDecimal owed = DisputeCase.owed(rs.getBigDecimal(11), rs.getBigDecimal(12), rs.getBigDecimal(10), initialPaid);
                    LocalDate due = rs.getObject(15, LocalDate.class);
                    out.add(new CaseView.Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getBigDecimal(8), initialPaid,
                            DisputeCase.outstanding(owed, rs.getBigDecimal(13)), rs.getString(14), due,
                            due == null ? null : (int) ChronoUnit.DAYS.between(today, due),
                            due == null || due.isBefore(today) ? null : rules.businessDaysBetween(today, due),
                            rs.getBoolean(16)));
                    if (countWhere != null) {
                        total = rs.getLong(17);
                    }
                }
            }
            return new Rows(out, total);
        });
    }

    /** A query's rows of the queue, and the filter's total when the query counted it and found a row (else -1). */
    private record Rows(List<CaseView.Summary> items, long total) {
    }

    /** A queue filter as SQL: its condition on {@code c} and the condition's arguments. */
    private record Filtered(String where, List<Object> args) {
    }

    /** A position in the queue's order: the next deadline (null: none, after every dated case) and the case id. */
    record QueueCursor(@Nullable LocalDate date, long id) {

        /** {@code 2026-12-15_123}, or {@code none_123} for a case without a next deadline. */
        String text() {
            return (date == null ? "none" : date.toString()) + "_" + id;
        }

        static QueueCursor parse(String text) {
            int at = text.indexOf('_');
            try {
                if (at < 1 || at == text.length() - 1) {
                    throw new IllegalArgumentException();
                }
                long id = Long.parseLong(text.substring(at + 1));
                String date = text.substring(0, at);
                return new QueueCursor(date.equals("none") ? null : LocalDate.parse(date), id);
            } catch (RuntimeException e) {
                throw io.arbiter.common.ApiException.badRequest("after must be the next cursor of a previous page "
                        + "(a date or none, an underscore and a case id), not " + (text.length() > 40 ? text.substring(0, 40) + "…" : text));
            }
        }
    }

    private static void bind(java.sql.PreparedStatement ps, List<Object> args) throws SQLException {
        bind(ps, args, 0);
    }

    /** Binds {@code args} to the parameters after the first {@code before}. */
    private static void bind(java.sql.PreparedStatement ps, List<Object> args, int before) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            int at = before + i + 1;
            if (a instanceof LocalDate d) {
                ps.setObject(at, d);
            } else if (a instanceof Long n) {
                ps.setLong(at, n);
            } else {
                ps.setString(at, a.toString());
            }
        }
    }
}
