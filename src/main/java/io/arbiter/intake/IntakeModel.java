package io.arbiter.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the format readers (835, 837P, CSV) hand to {@link IntakeWriter}: format-neutral, mutable
 * while a reader fills them, one claim at a time so memory stays bounded.
 */
public final class IntakeModel {

    private IntakeModel() {
    }

    /** A CAS triplet (group, reason, amount, quantity). */
    public record Cas(String group, String reason, BigDecimal amount, BigDecimal quantity) {
    }

    /**
     * A balancing finding about one claim (docs/intake.md): {@code kind} names the rule, {@code stated} is the amount the
     * file states, {@code computed} the one its parts add up to. Stored on the claim and on the import; never an error.
     */
    public record BalanceWarning(String kind, String location, String message, BigDecimal stated, BigDecimal computed) {
    }

    /** A remark code with where it came from: MIA, MOA (claim level) or LQ (line level). */
    public record Remark(String code, String source) {
    }

    /** The organisation paid or billing (835 N1*PE / 837 NM1*85). */
    public static final class Party {
        public String name;
        public String npi;
        public String tin;
        public String zip;
        public String state;

        /** The key practices are found by: the NPI, else the TIN (some payees send only FI). */
        public String key() {
            return npi != null ? npi : tin;
        }
    }

    /** One CLP loop of an 835 (or a claim of a CSV remittance export). */
    public static final class PaidClaim {
        public int segment;
        public String location;
        public Party payee;
        public String payerCode;
        public String payerName;
        public LocalDate paymentDate;
        public String paymentTrace;
        public String pcn;
        public String status;
        public BigDecimal charge;
        public BigDecimal paid;
        public BigDecimal patientResponsibility;
        public String payerClaimControlNumber;
        public String facilityCode;
        /** CLP06 claim filing indicator (VA, OF, LM, CI, ...). */
        public String filingIndicator;
        public String patientLastName;
        public String patientFirstName;
        public String memberId;
        public String renderingNpi;
        public LocalDate dateFrom;
        public LocalDate dateTo;
        public final List<Cas> adjustments = new ArrayList<>(2);
        public final List<Remark> remarks = new ArrayList<>(2);
        public final List<PaidLine> lines = new ArrayList<>(2);
        public final List<BalanceWarning> warnings = new ArrayList<>(0);

        public boolean reversal() {
            return "22".equals(status);
        }
    }

    /** One SVC loop. */
    public static final class PaidLine {
        /** Where the SVC was read, for warnings about the line. */
        public String location;
        public String procedureCode;
        public final List<String> modifiers = new ArrayList<>(2);
        public BigDecimal charge;
        public BigDecimal paid;
        public BigDecimal units;
        public BigDecimal allowed;
        public LocalDate serviceDate;
        public final List<Cas> adjustments = new ArrayList<>(2);
        public final List<Remark> remarks = new ArrayList<>(2);
    }

    /** One claim as billed (837P CLM loop, or a claim of a CSV claims export). */
    public static final class BilledClaim {
        public int segment;
        public String location;
        public Party billing;
        public String payerCode;
        public String payerName;
        public String filingIndicator;
        public String patientLastName;
        public String patientFirstName;
        public LocalDate patientBirthDate;
        public String memberId;
        public String pcn;
        public BigDecimal charge;
        public String placeOfService;
        public String frequency;
        public String payerClaimControlNumber;
        public final List<String> diagnosisCodes = new ArrayList<>(4);
        public String renderingNpi;
        public String facilityName;
        public String facilityNpi;
        public String serviceZip;
        public String serviceState;
        public final List<BilledLine> lines = new ArrayList<>(2);
        public final List<BalanceWarning> warnings = new ArrayList<>(0);
    }

    public static final class BilledLine {
        public int lineNumber;
        public String procedureCode;
        public final List<String> modifiers = new ArrayList<>(2);
        public BigDecimal units;
        public BigDecimal charge;
        public LocalDate serviceDate;
    }

    /** Where readers deliver claims; the writer batches them. */
    /**
     * One provider-level adjustment of an 835 (a PLB identifier/amount pair) with its transaction's payment: PLB04 is
     * what the payer withholds (negative = pays more, e.g. L6 interest).
     */
    public record ProviderAdjustment(String providerIdentifier, java.time.LocalDate fiscalPeriodDate, String reasonCode,
                                     String reference, BigDecimal amount, String payerName, java.time.LocalDate paymentDate,
                                     String trace, String location) {
    }

    public interface Sink {
        void paid(PaidClaim claim);

        void billed(BilledClaim claim);

        /** End of a transaction set: a good moment to flush batches. */
        void endOfTransaction();
    }

    /** File-level counts for the Import record. */
    public static final class Counts {
        public int transactions;
        public int claims;
        public int serviceLines;
        public int adjustments;
    }
}
