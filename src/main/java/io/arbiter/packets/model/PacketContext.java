package io.arbiter.packets.model;

import io.arbiter.common.Citation;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything a packet may print, as plain values. The Cases capability fills it from a case; the packet
 * engine never reads the database for content. Fields marked {@code @Nullable} are optional for some
 * packet types and required for others: {@link io.arbiter.packets.PacketType#requiredFields()} lists, per
 * type, which must be present, and generation stops with a {@link io.arbiter.packets.PacketValidationException}
 * naming each missing one. Money is BigDecimal (dollars, 2 decimals), dates LocalDate; the engine formats
 * both (US currency, MM/DD/YYYY) so templates never format.
 *
 * @param caseNumber   the practice-facing case number, printed on every page footer (not PHI)
 * @param track        dispute track (FEDERAL_IDR, TEXAS_ARBITRATION, TEXAS_PIP, WORKERS_COMP, COMMERCIAL_APPEAL)
 * @param preparedOn   date printed on the packet (letters, notices); the caller passes today from its Clock
 */
public record PacketContext(
        String caseNumber,
        Track track,
        LocalDate preparedOn,
        Practice practice,
        Payer payer,
        Patient patient,
        Claim claim,
        List<PacketLine> lines,
        MoneySummary money,
        KeyDates dates,
        @Nullable IdrDetails idr,
        @Nullable OfferArguments arguments,
        @Nullable DenialPlaybook denial,
        List<Exhibit> exhibits) {

    public PacketContext {
        lines = lines == null ? List.of() : List.copyOf(lines);
        exhibits = exhibits == null ? List.of() : List.copyOf(exhibits);
    }

    /** The track names of the API contract's {@code /claims/{id}/track}. */
    public enum Track { FEDERAL_IDR, TEXAS_ARBITRATION, TEXAS_PIP, WORKERS_COMP, COMMERCIAL_APPEAL }

    /** Postal address; all parts printed on one or two lines. */
    public record Address(String line1, String city, String state, String zip) {
    }

    /**
     * The practice (initiating party). {@code batesPrefix} is the per-practice Bates prefix
     * (e.g. LSSP → LSSP000001); {@code contactName}/{@code contactTitle}/{@code email}/{@code phone} are the
     * representative printed on notices and the signature block.
     */
    public record Practice(String name, String tin, String npi, @Nullable Address address, @Nullable String phone,
                           @Nullable String email, @Nullable String contactName, @Nullable String contactTitle,
                           String batesPrefix, @Nullable String renderingProviderName,
                           @Nullable String renderingProviderNpi) {
    }

    /** The plan, issuer or carrier; {@code legalEntity} is the plan's legal name (2026 rule disclosure). */
    public record Payer(String name, @Nullable String legalEntity, @Nullable Address address,
                        @Nullable String email, @Nullable String phone, @Nullable String planName,
                        @Nullable String planType, @Nullable String policyNumber) {
    }

    /** Patient / injured employee / PIP claimant. PHI: never logged. */
    public record Patient(String name, @Nullable LocalDate dateOfBirth, @Nullable String memberId,
                          @Nullable LocalDate dateOfInjury, @Nullable String employerName) {
    }

    /**
     * The claim as billed. {@code serviceType} is the NSA category (e.g. "Non-emergency services by a
     * nonparticipating provider at a participating facility"); {@code geozip} the first three ZIP digits
     * of the place of service (Texas benchmark region).
     */
    public record Claim(@Nullable String patientControlNumber, @Nullable String payerClaimNumber,
                        @Nullable LocalDate firstDateOfService, @Nullable LocalDate lastDateOfService,
                        @Nullable String placeOfService, @Nullable String facilityName, @Nullable String serviceState,
                        @Nullable String geozip, List<String> diagnosisCodes, @Nullable String serviceType) {
        public Claim {
            diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
        }
    }

    /**
     * One disputed service line. {@code offer} is the provider's offer for the line (a total rate including
     * cost sharing); {@code expected} the practice's benchmark expectation; {@code benchmark80thBilled} /
     * {@code benchmark50thAllowed} the Texas §1467.083 percentiles for the geozip; {@code mar} the workers'
     * comp maximum allowable reimbursement with {@code marComputation} its printable formula
     * (e.g. "7.12 adj. RVU × $67.81 CF"). CARC/RARC codes as printed on the 835 (e.g. "CO-45", "N865").
     */
    public record PacketLine(LocalDate dateOfService, String code, List<String> modifiers, int units,
                             @Nullable String description, @Nullable BigDecimal billed, @Nullable BigDecimal allowed,
                             @Nullable BigDecimal paid, @Nullable BigDecimal qpa, @Nullable BigDecimal offer,
                             @Nullable BigDecimal expected, @Nullable BigDecimal benchmark80thBilled,
                             @Nullable BigDecimal benchmark50thAllowed, @Nullable BigDecimal mar,
                             @Nullable String marComputation, @Nullable BigDecimal amountInDispute,
                             List<String> carcCodes, List<String> rarcCodes) {
        public PacketLine {
            modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
            carcCodes = carcCodes == null ? List.of() : List.copyOf(carcCodes);
            rarcCodes = rarcCodes == null ? List.of() : List.copyOf(rarcCodes);
        }
    }

    /** Case-level money. Fees are what the practice paid; {@code feeRefund} what it gets back (prevailing). */
    public record MoneySummary(@Nullable BigDecimal totalBilled, @Nullable BigDecimal initialPayment,
                               @Nullable BigDecimal costSharing, @Nullable BigDecimal qpa,
                               @Nullable BigDecimal providerOffer, @Nullable BigDecimal payerOffer,
                               @Nullable BigDecimal determination, @Nullable BigDecimal amountInDispute,
                               @Nullable BigDecimal adminFeePaid, @Nullable BigDecimal idreFeePaid,
                               @Nullable BigDecimal feeRefund, @Nullable BigDecimal feeRefundReceived) {
    }

    /** Event dates recorded on the case, and the deadlines the deadline engine computed from them. */
    public record KeyDates(@Nullable LocalDate initialPaymentReceived, @Nullable LocalDate openNegotiationStarted,
                           @Nullable LocalDate idrInitiated, @Nullable LocalDate idreSelected,
                           @Nullable LocalDate determinationIssued, @Nullable LocalDate feesPaid,
                           @Nullable LocalDate proofOfClaimReceived, @Nullable LocalDate billReceivedByCarrier,
                           @Nullable LocalDate carrierActionReceived, @Nullable LocalDate denialReceived,
                           List<Deadline> deadlines) {
        public KeyDates {
            deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        }
    }

    /** A computed deadline: key as in the API contract (e.g. IDR_INITIATION_DUE), label, date, citation. */
    public record Deadline(String key, String label, LocalDate dueDate, @Nullable Citation citation) {
    }

    /**
     * Federal IDR specifics. {@code stateLawOrApmApplies} must be false for a federal filing;
     * {@code prevailingParty} is "PROVIDER" or "PAYER" once determined.
     */
    public record IdrDetails(@Nullable String disputeNumber, @Nullable String preferredIdre,
                             @Nullable String selectedIdre, @Nullable Boolean stateLawOrApmApplies,
                             boolean batched, @Nullable String prevailingParty) {
    }

    /**
     * The narrative for offer briefs and the Texas factors. Never billed charges or Medicare/Medicaid rates:
     * IDR entities may not consider them (42 U.S.C. 300gg-111(c)(5)(D)).
     */
    public record OfferArguments(@Nullable String serviceDescription, @Nullable String complexity,
                                 @Nullable String trainingAndExperience, @Nullable String marketShare,
                                 @Nullable String priorContractedRates, @Nullable String codingJustification,
                                 @Nullable String goodFaithContracting, @Nullable String patientCharacteristics,
                                 @Nullable String benchmarkSource, @Nullable String benchmarkHistory,
                                 @Nullable String billedChargeComparison, @Nullable String usualCharges) {
        /** Without the two Texas billed-charge statements (factors 1 and 3), which only the practice can make. */
        public OfferArguments(@Nullable String serviceDescription, @Nullable String complexity,
                              @Nullable String trainingAndExperience, @Nullable String marketShare,
                              @Nullable String priorContractedRates, @Nullable String codingJustification,
                              @Nullable String goodFaithContracting, @Nullable String patientCharacteristics,
                              @Nullable String benchmarkSource, @Nullable String benchmarkHistory) {
            this(serviceDescription, complexity, trainingAndExperience, marketShare, priorContractedRates,
                    codingJustification, goodFaithContracting, patientCharacteristics, benchmarkSource, benchmarkHistory,
                    null, null);
        }
    }

    /**
     * What the denial's CARC/RARC playbook asks for and whether each piece of evidence is attached.
     * {@code exhibitTitle} names the attached exhibit, matching an {@link Exhibit#title()}.
     */
    public record DenialPlaybook(String carc, @Nullable String rarc, @Nullable String denialReason,
                                 @Nullable String payerRequested, List<EvidenceItem> evidence,
                                 @Nullable Citation playbookCitation) {
        public DenialPlaybook {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    /** {@code required}: the denial checklist (io.arbiter.denials) blocks the appeal letter until it is attached. */
    public record EvidenceItem(String description, boolean attached, @Nullable String exhibitTitle, boolean required) {
        public EvidenceItem(String description, boolean attached, @Nullable String exhibitTitle) {
            this(description, attached, exhibitTitle, false);
        }
    }

    /**
     * An uploaded exhibit, merged after the packet body in list order. Accepted: application/pdf, image/png,
     * image/jpeg (detected from the bytes; the content type only has to agree). Anything else is rejected.
     */
    public record Exhibit(String title, String contentType, byte[] bytes, @Nullable String source) {

        /** An uploaded exhibit: it is what its bytes are. */
        public Exhibit(String title, String contentType, byte[] bytes) {
            this(title, contentType, bytes, null);
        }

        /**
         * By content, not by array identity: the packet's input fingerprint is built from {@code toString()}. An
         * exhibit Arbiter renders itself (the 835 excerpt) is named by the data it is rendered from, because its PDF
         * bytes carry a creation time; an uploaded one by the SHA-256 of its bytes.
         */
        @Override
        public String toString() {
            if (source != null) {
                return "Exhibit[title=" + title + ", contentType=" + contentType + ", source=" + source + "]";
            }
            try {
                return "Exhibit[title=" + title + ", contentType=" + contentType + ", sha256="
                        + java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes)) + "]";
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
