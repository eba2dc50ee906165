package io.arbiter.cases;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** The Case document of the API. */
@Serdeable
public record CaseView(
        Long id,
        String caseNumber,
        String track,
        String stage,
        boolean batched,
        @Nullable String assignee,
        @Nullable Payer payer,
        @Nullable String primaryCode,
        @Nullable String serviceRegion,
        @Nullable LocalDate initialPaymentReceived,
        List<String> trackReasons,
        List<Gate> eligibility,
        boolean eligible,
        Money money,
        @Nullable String outcome,
        @Nullable NextDeadline nextDeadline,
        List<Deadline> deadlines,
        List<Line> lines,
        List<Event> events,
        List<Document> documents,
        List<String> timeline,
        List<String> allowedEvents,
        List<String> sharedWith,
        long version,
        @Nullable LocalDateTime createdAt) {

    @Serdeable
    public record Payer(Long id, String name, String payerId) {
    }

    @Serdeable
    public record Gate(String name, GateOutcome status, String reason, @Nullable String citation) {
    }

    @Serdeable
    public record Money(BigDecimal billed, BigDecimal initialPayment, BigDecimal costSharing, @Nullable BigDecimal qpa,
                        @Nullable BigDecimal expected, @Nullable BigDecimal providerOffer, @Nullable BigDecimal payerOffer,
                        @Nullable BigDecimal determination, @Nullable BigDecimal settlement, BigDecimal owed,
                        BigDecimal paymentsReceived, BigDecimal outstanding, BigDecimal feesPaid,
                        BigDecimal feeRefundDue, BigDecimal feeRefundsReceived, BigDecimal net) {
    }

    @Serdeable
    public record NextDeadline(String key, LocalDate dueDate) {
    }

    @Serdeable
    public record Deadline(String key, LocalDate dueDate, io.arbiter.rules.DayType dayType, int count, String from,
                           LocalDate fromDate, @Nullable String citation, @Nullable String ruleVersion,
                           List<Alternative> alternatives, boolean met) {
    }

    /** Another reading of a deadline, as the deadline calculator gives it ({@code {"dueDate","reading"}}). */
    @Serdeable
    public record Alternative(@Nullable LocalDate dueDate, String reading) {
    }

    @Serdeable
    public record Line(Long id, Long claimId, Long lineId, String procedureCode, @Nullable LocalDate serviceDate,
                       BigDecimal billed, @Nullable BigDecimal allowed, BigDecimal paid, BigDecimal costSharing, LineTerms terms) {
    }

    @Serdeable
    public record Event(Long id, String type, LocalDate date, @Nullable BigDecimal amount, @Nullable FeeKind feeKind,
                        @Nullable String outcome, @Nullable String note, String actor, @Nullable String stageBefore,
                        @Nullable String stageAfter) {
    }

    @Serdeable
    public record Document(Long id, String kind, String title, String fileName, String contentType, String sha256,
                           long sizeBytes, @Nullable Long eventId, String uploadedBy) {
    }

    /** A row of the work queue. */
    @Serdeable
    public record Summary(Long id, String caseNumber, String track, String stage, @Nullable String assignee,
                          @Nullable String payerName, @Nullable String primaryCode, BigDecimal billed, BigDecimal initialPayment,
                          BigDecimal outstanding, @Nullable String nextDeadlineKey, @Nullable LocalDate nextDeadlineDate,
                          @Nullable Integer daysLeft, @Nullable Integer businessDaysLeft, boolean batched) {
    }
}
