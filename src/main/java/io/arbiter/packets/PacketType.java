package io.arbiter.packets;

import io.arbiter.packets.model.PacketContext.Track;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.arbiter.packets.model.PacketContext.Track.FEDERAL_IDR;
import static io.arbiter.packets.model.PacketContext.Track.TEXAS_ARBITRATION;
import static io.arbiter.packets.model.PacketContext.Track.TEXAS_PIP;
import static io.arbiter.packets.model.PacketContext.Track.WORKERS_COMP;

/**
 * The packets Arbiter generates, the tracks each applies to and the fields each needs (keys of
 * {@link RequiredFields}; the fields every packet needs are listed there as {@link RequiredFields#COMMON}).
 * One FreeMarker template each: {@code templates/packets/<name in lower case>.ftl}.
 */
public enum PacketType {

    OPEN_NEGOTIATION_NOTICE("Open Negotiation Notice", Set.of(FEDERAL_IDR), List.of(
            "practice.address", "practice.contactName", "practice.email", "practice.phone",
            "claim.placeOfService", "claim.facilityName", "claim.serviceState",
            "lines[].description", "lines[].offer", "money.providerOffer", "dates.initialPaymentReceived",
            "deadline.OPEN_NEGOTIATION_ENDS", "deadline.IDR_INITIATION_DUE")),

    IDR_INITIATION_DATA_SHEET("Notice of IDR Initiation — data sheet", Set.of(FEDERAL_IDR), List.of(
            "practice.address", "practice.contactName", "practice.email", "practice.phone",
            "payer.legalEntity", "claim.placeOfService", "claim.facilityName", "claim.serviceState",
            "claim.serviceType", "lines[].description", "lines[].qpa", "money.qpa",
            "dates.initialPaymentReceived", "dates.openNegotiationStarted",
            "idr.stateLawOrApmApplies", "idr.preferredIdre")),

    OFFER_BRIEF("Offer brief", Set.of(FEDERAL_IDR), List.of(
            "lines[].description", "lines[].qpa", "lines[].offer", "money.qpa", "money.providerOffer",
            "arguments.serviceDescription", "arguments.complexity", "arguments.trainingAndExperience",
            "arguments.codingJustification")),

    FEE_RECEIPT_SUMMARY("IDR fee receipt summary", Set.of(FEDERAL_IDR), List.of(
            "idr.disputeNumber", "idr.selectedIdre", "money.adminFeePaid", "money.idreFeePaid",
            "dates.idrInitiated", "dates.feesPaid")),

    TEXAS_ARBITRATION_REQUEST("Texas arbitration request summary", Set.of(TEXAS_ARBITRATION), List.of(
            "claim.geozip", "claim.placeOfService", "lines[].description", "lines[].billed", "lines[].paid",
            "lines[].benchmark80thBilled", "lines[].benchmark50thAllowed", "dates.initialPaymentReceived",
            "arguments.trainingAndExperience", "arguments.complexity", "arguments.benchmarkSource")),

    TEXAS_PIP_DEMAND("Texas PIP demand letter", Set.of(TEXAS_PIP), List.of(
            "payer.address", "payer.policyNumber", "patient.dateOfInjury", "practice.address",
            "practice.contactName", "lines[].description", "lines[].billed", "lines[].paid",
            "money.amountInDispute", "dates.proofOfClaimReceived", "deadline.PAYMENT_DUE")),

    WC_RECONSIDERATION("Workers' comp request for reconsideration", Set.of(WORKERS_COMP), List.of(
            "payer.address", "patient.dateOfInjury", "patient.employerName", "practice.contactName",
            "lines[].billed", "lines[].paid", "lines[].mar", "lines[].amountInDispute",
            "dates.carrierActionReceived")),

    WC_MFDR("Medical fee dispute resolution (DWC-060 style)", Set.of(WORKERS_COMP), List.of(
            "payer.address", "patient.dateOfInjury", "patient.employerName", "practice.contactName",
            "lines[].billed", "lines[].paid", "lines[].mar", "lines[].marComputation",
            "lines[].amountInDispute", "dates.carrierActionReceived")),

    COMMERCIAL_APPEAL("Commercial appeal letter", Set.of(Track.COMMERCIAL_APPEAL, FEDERAL_IDR), List.of(
            "payer.address", "practice.contactName", "lines[].billed", "denial.carc", "denial.payerRequested",
            "denial.evidence", "dates.denialReceived"));

    private final String title;
    private final Set<Track> tracks;
    private final List<String> requiredFields;

    PacketType(String title, Set<Track> tracks, List<String> specific) {
        this.title = title;
        this.tracks = tracks;
        this.requiredFields = java.util.stream.Stream.concat(RequiredFields.COMMON.stream(), specific.stream()).toList();
    }

    public String title() {
        return title;
    }

    public Set<Track> tracks() {
        return tracks;
    }

    public boolean appliesTo(Track track) {
        return tracks.contains(track);
    }

    /** Field keys (see {@link RequiredFields}) that must be present, common ones first. */
    public List<String> requiredFields() {
        return requiredFields;
    }

    /** Fields every packet's letterhead and signature block print when given (templates/packets/_layout.ftl). */
    public static final List<String> LAYOUT_FIELDS = List.of("practice.contactName", "practice.contactTitle", "practice.email",
            "practice.phone", "payer.address", "payer.email", "payer.phone", "claim.facilityName", "claim.placeOfService",
            "claim.serviceState");

    /** Fields the template prints when they are given but does not require (PacketTypeFieldsTest keeps this true). */
    public List<String> optionalFields() {
        return switch (this) {
            case OPEN_NEGOTIATION_NOTICE, FEE_RECEIPT_SUMMARY, WC_RECONSIDERATION -> List.of();
            case IDR_INITIATION_DATA_SHEET -> List.of("idr.preferredIdre");
            case OFFER_BRIEF -> List.of("idr.disputeNumber", "idr.selectedIdre", "arguments.marketShare", "arguments.priorContractedRates",
                    "arguments.goodFaithContracting", "arguments.benchmarkSource", "arguments.benchmarkHistory");
            case TEXAS_ARBITRATION_REQUEST -> List.of("arguments.priorContractedRates", "arguments.goodFaithContracting",
                    "arguments.patientCharacteristics", "arguments.benchmarkHistory", "arguments.billedChargeComparison",
                    "arguments.usualCharges");
            case TEXAS_PIP_DEMAND, WC_MFDR -> List.of();
            case COMMERCIAL_APPEAL -> List.of("denial.denialReason");
        };
    }

    /** Every field the packet prints: required, optional and the letterhead's. */
    public java.util.Set<String> usedFields() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(requiredFields);
        out.addAll(optionalFields());
        out.addAll(LAYOUT_FIELDS);
        return out;
    }

    /** Template file name under templates/packets, e.g. offer_brief.ftl. */
    public String templateName() {
        return name().toLowerCase(Locale.ROOT) + ".ftl";
    }

    /** File-name stem for downloads, e.g. offer-brief. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
