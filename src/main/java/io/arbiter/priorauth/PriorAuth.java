package io.arbiter.priorauth;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.DateCreated;
import io.micronaut.data.annotation.DateUpdated;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** A prior-authorization request and, once decided, its approved scope and validity window. */
@MappedEntity("prior_auth")
public record PriorAuth(
        @Id @GeneratedValue @Nullable Long id,
        Long practiceId,
        @Nullable Long patientId,
        Long payerId,
        @Nullable String planType,
        AuthFamily family,
        @Nullable String authNumber,
        AuthStatus status,
        LocalDate requestedDate,
        @Nullable LocalDate decisionDate,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo,
        @Nullable String approvedCodes,
        @Nullable Integer approvedLevels,
        @Nullable Laterality laterality,
        @Nullable Integer approvedUnits,
        boolean expedited,
        @Nullable String requirementKey,
        @Nullable String note,
        @Version @Nullable Long version,
        @DateCreated @Nullable LocalDateTime createdAt,
        @DateUpdated @Nullable LocalDateTime updatedAt) {

    public List<String> codes() {
        return approvedCodes == null || approvedCodes.isBlank() ? List.of()
                : Arrays.stream(approvedCodes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    PriorAuth decided(AuthStatus s, LocalDate date, @Nullable String number, @Nullable LocalDate from, @Nullable LocalDate to,
                      @Nullable String codes, @Nullable Integer levels, @Nullable Laterality side, @Nullable Integer units) {
        return new PriorAuth(id, practiceId, patientId, payerId, planType, family, number != null ? number : authNumber, s, requestedDate,
                s.decision() ? date : decisionDate, from != null ? from : validFrom, to != null ? to : validTo,
                codes != null ? codes : approvedCodes, levels != null ? levels : approvedLevels, side != null ? side : laterality,
                units != null ? units : approvedUnits, expedited, requirementKey, note, version, createdAt, updatedAt);
    }
}
