package io.arbiter.findings;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One finding of a scan on a claim (and line): an underpayment, a coding problem or a denial. The scanner
 * stores the citation text once in finding_citation and keeps its id here; reads resolve it back into citation.
 */
@MappedEntity("finding")
public record Finding(
        @Id @GeneratedValue @Nullable Long id,
        FindingType type,
        Long claimId,
        @Nullable Long lineId,
        @MappedProperty("rule_id") String rule,
        String severity,
        @Nullable String category,
        @Nullable BigDecimal expected,
        @Nullable BigDecimal allowed,
        @Nullable BigDecimal paid,
        @Nullable BigDecimal gap,
        @Nullable String basis,
        String explanation,
        @Nullable String citation,
        LocalDateTime createdAt,
        @Nullable Long citationId) {

    /** A finding as the scanner produces it: the citation text is stored by reference when written. */
    public Finding(@Nullable Long id, FindingType type, Long claimId, @Nullable Long lineId, String rule, String severity,
                   @Nullable String category, @Nullable BigDecimal expected, @Nullable BigDecimal allowed, @Nullable BigDecimal paid,
                   @Nullable BigDecimal gap, @Nullable String basis, String explanation, @Nullable String citation, LocalDateTime createdAt) {
        this(id, type, claimId, lineId, rule, severity, category, expected, allowed, paid, gap, basis, explanation, citation, createdAt, null);
    }
}
