package io.arbiter.cases;

import io.arbiter.audit.AuditAction;
import io.arbiter.audit.AuditLog;
import io.arbiter.common.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and sets the typed terms of a case's lines (issue 16): one validated command for the API, the packet-details
 * screen and the old packet-details route; every change is an audit entry naming the case, the line and the fields.
 */
@Singleton
public class CaseTerms {

    private final CaseLineTermsRepository terms;
    private final CaseLineRepository lines;
    private final AuditLog audit;
    private final Clock clock;

    public CaseTerms(CaseLineTermsRepository terms, CaseLineRepository lines, AuditLog audit, Clock clock) {
        this.terms = terms;
        this.lines = lines;
        this.audit = audit;
        this.clock = clock;
    }

    /** Terms by case line id; a line without terms is absent. */
    public Map<Long, LineTerms> forLines(Collection<Long> caseLineIds) {
        Map<Long, LineTerms> out = new HashMap<>();
        if (!caseLineIds.isEmpty()) {
            terms.findByCaseLineIdIn(caseLineIds).forEach(t -> out.put(t.caseLineId(), t.terms()));
        }
        return out;
    }

    /** One line's terms; a line of another case answers 404. */
    public LineTerms read(long caseId, long caseLineId) {
        requireLineOfCase(caseId, caseLineId);
        return of(caseLineId);
    }

    public LineTerms of(long caseLineId) {
        return terms.findById(caseLineId).map(CaseLineTerms::terms).orElse(LineTerms.NONE);
    }

    /**
     * Changes the given fields of one line's terms (text values as typed; blank clears; see {@link LineTerms#parse}).
     * A line of another case answers 404; a bad value 422 naming {@code fieldPrefix + key}.
     */
    @Transactional
    public LineTerms change(long caseId, long caseLineId, Map<String, String> values, String fieldPrefix, String username) {
        requireLineOfCase(caseId, caseLineId);
        var stored = terms.findById(caseLineId);
        LineTerms before = stored.map(CaseLineTerms::terms).orElse(LineTerms.NONE);
        LineTerms after = LineTerms.parse(before, values, fieldPrefix);
        return save(caseId, caseLineId, stored.map(CaseLineTerms::version).orElse(null), before, after, username);
    }

    /** Replaces one line's terms as a whole (PUT). */
    @Transactional
    public LineTerms replace(long caseId, long caseLineId, Map<String, String> values, String username) {
        requireLineOfCase(caseId, caseLineId);
        var stored = terms.findById(caseLineId);
        LineTerms after = LineTerms.parse(LineTerms.NONE, values, "");
        return save(caseId, caseLineId, stored.map(CaseLineTerms::version).orElse(null),
                stored.map(CaseLineTerms::terms).orElse(LineTerms.NONE), after, username);
    }

    private LineTerms save(long caseId, long caseLineId, @Nullable Long version, LineTerms before, LineTerms after, String username) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        if (version == null) {
            terms.save(CaseLineTerms.of(caseLineId, after, 0L, username, now));
        } else {
            terms.update(CaseLineTerms.of(caseLineId, after, version, username, now));
        }
        List<String> changed = LineTerms.FIELDS.stream()
                .filter(f -> !Objects.equals(before.asText().get(f), after.asText().get(f))).toList();
        audit.record(username, AuditAction.CHANGE, "CASE", caseId, "line " + caseLineId + " terms " + changed);
        return after;
    }

    private void requireLineOfCase(long caseId, long caseLineId) {
        if (lines.findByCaseIdOrderById(caseId).stream().noneMatch(l -> l.id().equals(caseLineId))) {
            throw ApiException.notFound("Line " + caseLineId + " of case " + caseId);
        }
    }

    /**
     * The QPA a packet shows for a line: the line's own, else — for a one-line case only — the case's QPA (what the
     * payer disclosed for the whole dispute is that line's). The one place this default is decided.
     */
    @Nullable
    public static BigDecimal lineQpa(LineTerms t, boolean onlyLine, @Nullable BigDecimal caseQpa) {
        return t.qpa() != null ? t.qpa() : onlyLine ? caseQpa : null;
    }

    /** Likewise the offer: the line's own, else the case's offer when the case has one line. */
    @Nullable
    public static BigDecimal lineOffer(LineTerms t, boolean onlyLine, @Nullable BigDecimal caseOffer) {
        return t.offer() != null ? t.offer() : onlyLine ? caseOffer : null;
    }
}
