package io.arbiter.denials;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A denial record as the API shows it, with its checklist and what still blocks the appeal letter. */
@Serdeable
public record DenialView(Long id, Long claimId, Long claimLineId, @Nullable String payer, @Nullable String planType,
                         String procedureCode, @Nullable LocalDate serviceDate, String groupCode, String carc, @Nullable String rarc,
                         String category, @Nullable String playbook, String kind, String workType, boolean correctedClaim,
                         boolean appealable, BigDecimal charge, BigDecimal paid, BigDecimal deniedAmount,
                         BigDecimal recoverableEstimate, @Nullable LocalDate denialDate, @Nullable LocalDate appealDue,
                         @Nullable Long daysToAppealDue, @Nullable String appealBasis, @Nullable String owner,
                         @Nullable String routingRule, String status, BigDecimal recoveredAmount,
                         List<Evidence> checklist, List<String> missingRequired, boolean readyForAppealLetter,
                         @Nullable String citation) {

    @Serdeable
    public record Evidence(int index, String description, boolean required, boolean attached, @Nullable Long documentId,
                           @Nullable String documentTitle) {
    }
}
