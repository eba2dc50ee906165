package io.arbiter.findings;

import io.arbiter.practice.BilateralFormat;
import io.arbiter.practice.PlanType;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A claim as the scanner reads it in bulk (plain SQL): lines with their adjustments and remark codes. */
public record ScanClaim(long id, long practiceId, @Nullable Long patientId, @Nullable String payerCode, BilateralFormat bilateralFormat,
                        @Nullable PlanType planType, @Nullable String placeOfService, @Nullable String serviceZip,
                        @Nullable String serviceState, LocalDate serviceDate, List<Line> lines, @Nullable BigDecimal qpa) {

    public ScanClaim(long id, long practiceId, @Nullable Long patientId, @Nullable String payerCode, BilateralFormat bilateralFormat,
                     @Nullable PlanType planType, @Nullable String placeOfService, @Nullable String serviceZip,
                     @Nullable String serviceState, LocalDate serviceDate, List<Line> lines) {
        this(id, practiceId, patientId, payerCode, bilateralFormat, planType, placeOfService, serviceZip, serviceState, serviceDate, lines, null);
    }

    public record Adj(String group, String carc, BigDecimal amount) {
    }

    public record Line(long id, int lineNumber, String code, List<String> modifiers, BigDecimal units, BigDecimal charge,
                       @Nullable BigDecimal allowed, BigDecimal paid, LocalDate serviceDate, List<Adj> adjustments, List<String> rarcs) {

        public boolean has(String modifier) {
            return modifiers.contains(modifier);
        }

        /** Patient share reported for the line (PR adjustments). */
        public BigDecimal patientShare() {
            BigDecimal s = BigDecimal.ZERO;
            for (Adj a : adjustments) {
                if ("PR".equals(a.group())) {
                    s = s.add(a.amount());
                }
            }
            return s;
        }

        /** The payer's allowed amount, patient share included; when none is reported, paid + patient responsibility. */
        public BigDecimal effectiveAllowed() {
            return allowed != null ? allowed : paid.add(patientShare());
        }
    }

    public boolean medicare() {
        return planType == PlanType.MEDICARE || planType == PlanType.MEDICARE_ADVANTAGE;
    }
}
