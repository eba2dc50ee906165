package io.arbiter.denials;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A denied (paid 0) or reduced claim line, keyed by its primary CARC (the largest non-patient denial
 * adjustment) and RARC, with category, work type, appealability and appeal deadline.
 */
@MappedEntity("denial")
public record Denial(
        @Id @GeneratedValue @Nullable Long id,
        Long claimId,
        Long claimLineId,
        Long practiceId,
        @Nullable Long payerId,
        @Nullable String planType,
        String procedureCode,
        @Nullable LocalDate serviceDate,
        String groupCode,
        String carc,
        @Nullable String rarc,
        String category,
        DenialKind kind,
        WorkType workType,
        boolean appealable,
        BigDecimal charge,
        BigDecimal paid,
        BigDecimal deniedAmount,
        BigDecimal recoverableEstimate,
        @Nullable LocalDate denialDate,
        @Nullable LocalDate appealDue,
        @Nullable String appealBasis,
        @Nullable String owner,
        @Nullable String routingRule,
        DenialStatus status,
        BigDecimal recoveredAmount,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public Denial withOwner(@Nullable String newOwner, @Nullable String rule) {
        return new Denial(id, claimId, claimLineId, practiceId, payerId, planType, procedureCode, serviceDate, groupCode, carc, rarc,
                category, kind, workType, appealable, charge, paid, deniedAmount, recoverableEstimate, denialDate, appealDue,
                appealBasis, newOwner, rule, status, recoveredAmount, version, createdAt, updatedAt);
    }

    public Denial withOutcome(DenialStatus newStatus, BigDecimal recovered) {
        return new Denial(id, claimId, claimLineId, practiceId, payerId, planType, procedureCode, serviceDate, groupCode, carc, rarc,
                category, kind, workType, appealable, charge, paid, deniedAmount, recoverableEstimate, denialDate, appealDue,
                appealBasis, owner, routingRule, newStatus, recovered, version, createdAt, updatedAt);
    }

    /** The classification of a re-sync applied to an existing record: owner, status and recoveries are kept. */
    public Denial refreshedFrom(Denial fresh) {
        return new Denial(id, claimId, claimLineId, practiceId, fresh.payerId, fresh.planType, fresh.procedureCode, fresh.serviceDate,
                fresh.groupCode, fresh.carc, fresh.rarc, fresh.category, fresh.kind, fresh.workType, fresh.appealable, fresh.charge,
                fresh.paid, fresh.deniedAmount, fresh.recoverableEstimate, fresh.denialDate, fresh.appealDue, fresh.appealBasis,
                owner == null ? fresh.owner : owner, owner == null ? fresh.routingRule : routingRule, status, recoveredAmount,
                version, createdAt, updatedAt);
    }
}
