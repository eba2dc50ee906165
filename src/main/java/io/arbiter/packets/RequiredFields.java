package io.arbiter.packets;

import io.arbiter.packets.model.PacketContext;
import io.arbiter.packets.model.PacketContext.PacketLine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The catalogue of fields a packet can require: for each key, a label, where in Arbiter the user enters it
 * (so the 422 message tells them what to fix), and how to read it from a {@link PacketContext}.
 * {@code lines[].x} keys are checked on every line and reported as {@code lines[i].x};
 * {@code deadline.KEY} keys require a computed deadline with that key.
 */
public final class RequiredFields {

    /** Needed by every packet: identity of the parties, the claim, and at least one line. */
    public static final List<String> COMMON = List.of(
            "caseNumber", "practice.name", "practice.tin", "practice.npi", "practice.batesPrefix",
            "payer.name", "patient.name", "claim.payerClaimNumber", "claim.firstDateOfService", "lines",
            "lines[].dateOfService", "lines[].code");

    private record CaseField(String label, String where, Function<PacketContext, Object> read) {
    }

    private record LineField(String label, String where, Function<PacketLine, Object> read) {
    }

    private static final Map<String, CaseField> CASE_FIELDS = new LinkedHashMap<>();
    private static final Map<String, LineField> LINE_FIELDS = new LinkedHashMap<>();

    private static void c(String key, String label, String where, Function<PacketContext, Object> read) {
        CASE_FIELDS.put(key, new CaseField(label, where, ctx -> {
            try {
                return read.apply(ctx);
            } catch (NullPointerException parentMissing) {
                return null; // e.g. arguments.* when the whole arguments block is absent
            }
        }));
    }

    private static void l(String key, String label, Function<PacketLine, Object> read) {
        LINE_FIELDS.put(key, new LineField(label, "Case › Disputed lines › " + label, read));
    }

    static {
        c("caseNumber", "Case number", "Case › Summary", PacketContext::caseNumber);
        c("practice.name", "Practice name", "Settings › Practice › Name", x -> x.practice().name());
        c("practice.tin", "Practice TIN", "Settings › Practice › TIN", x -> x.practice().tin());
        c("practice.npi", "Practice billing NPI", "Settings › Practice › Billing NPI", x -> x.practice().npi());
        c("practice.batesPrefix", "Bates prefix", "Settings › Practice › Bates prefix", x -> x.practice().batesPrefix());
        c("practice.address", "Practice mailing address", "Settings › Practice › Address", x -> x.practice().address());
        c("practice.contactName", "Practice contact (representative)", "Settings › Practice › Contact name", x -> x.practice().contactName());
        c("practice.email", "Practice contact e-mail", "Settings › Practice › Contact e-mail", x -> x.practice().email());
        c("practice.phone", "Practice contact telephone", "Settings › Practice › Telephone", x -> x.practice().phone());
        c("payer.name", "Payer name", "Settings › Payers › Name", x -> x.payer().name());
        c("payer.legalEntity", "Plan/issuer legal name", "Payers › the payer › Legal name", x -> x.payer().legalEntity());
        c("payer.address", "Payer mailing address", "Payers › the payer › Street address", x -> x.payer().address());
        c("payer.policyNumber", "Policy number", "Case › Packet details › Policy number", x -> x.payer().policyNumber());
        c("patient.name", "Patient name", "Case › Patient › Name", x -> x.patient().name());
        c("patient.dateOfInjury", "Date of injury / accident", "Case › Packet details › Date of injury / accident", x -> x.patient().dateOfInjury());
        c("patient.employerName", "Employer", "Case › Packet details › Employer", x -> x.patient().employerName());
        c("claim.payerClaimNumber", "Payer claim number", "Case › Claim › Payer claim number", x -> x.claim().payerClaimNumber());
        c("claim.firstDateOfService", "Date of service", "Case › Claim › Date of service", x -> x.claim().firstDateOfService());
        c("claim.placeOfService", "Place of service code", "Case › Packet details › Place-of-service code", x -> x.claim().placeOfService());
        c("claim.facilityName", "Facility (location furnished)", "Case › Packet details › Facility", x -> x.claim().facilityName());
        c("claim.serviceState", "State where services were furnished", "Case › Packet details › Service state", x -> x.claim().serviceState());
        c("claim.serviceType", "Type of service (NSA category)", "Case › Packet details › Type of service (NSA category)", x -> x.claim().serviceType());
        c("claim.geozip", "Geozip (first 3 ZIP digits)", "Case › Claim › Service ZIP", x -> x.claim().geozip());
        c("lines", "Disputed lines", "Case › Disputed lines", x -> x.lines().isEmpty() ? null : x.lines());
        c("money.qpa", "Qualifying payment amount (total)", "Case › Money › QPA", x -> x.money().qpa());
        c("money.providerOffer", "Provider offer (total)", "Case › Offers › Provider offer", x -> x.money().providerOffer());
        c("money.amountInDispute", "Amount in dispute", "Case › Money › Amount in dispute", x -> x.money().amountInDispute());
        c("money.adminFeePaid", "Administrative fee paid", "Case › Fees › Administrative fee", x -> x.money().adminFeePaid());
        c("money.idreFeePaid", "IDR entity fee paid", "Case › Fees › IDRE fee", x -> x.money().idreFeePaid());
        c("dates.initialPaymentReceived", "Initial payment (or denial) received", "Case › Events › INITIAL_PAYMENT_RECEIVED", x -> x.dates().initialPaymentReceived());
        c("dates.openNegotiationStarted", "Open negotiation start date", "Case › Events › OPEN_NEGOTIATION_STARTED", x -> x.dates().openNegotiationStarted());
        c("dates.idrInitiated", "IDR initiation date", "Case › Events › IDR_INITIATED", x -> x.dates().idrInitiated());
        c("dates.feesPaid", "Date fees were paid", "Case › Fees › Paid on", x -> x.dates().feesPaid());
        c("dates.proofOfClaimReceived", "Proof of claim received by the insurer", "Case › Events › PROOF_OF_CLAIM_RECEIVED", x -> x.dates().proofOfClaimReceived());
        c("dates.carrierActionReceived", "Carrier action (EOB) received", "Case › Events › CARRIER_ACTION_RECEIVED", x -> x.dates().carrierActionReceived());
        c("dates.denialReceived", "Denial received", "Case › Events › DENIAL_RECEIVED", x -> x.dates().denialReceived());
        c("idr.disputeNumber", "IDR dispute number", "Case › Packet details › IDR dispute number", x -> x.idr().disputeNumber());
        c("idr.preferredIdre", "Preferred IDR entity", "Case › Packet details › Preferred IDR entity", x -> x.idr().preferredIdre());
        c("idr.selectedIdre", "Selected IDR entity", "Case › Packet details › Selected IDR entity", x -> x.idr().selectedIdre());
        c("idr.stateLawOrApmApplies", "Whether a specified state law or All-Payer Model applies", "Case › Eligibility › State law / APM", x -> x.idr().stateLawOrApmApplies());
        c("arguments.serviceDescription", "Service description", "Case › Packet details › Service description", x -> x.arguments().serviceDescription());
        c("arguments.complexity", "Patient acuity / complexity", "Case › Packet details › Patient acuity / complexity", x -> x.arguments().complexity());
        c("arguments.trainingAndExperience", "Training and experience", "Case › Packet details › Training and experience", x -> x.arguments().trainingAndExperience());
        c("arguments.codingJustification", "Coding justification", "Case › Packet details › Coding justification", x -> x.arguments().codingJustification());
        c("arguments.benchmarkSource", "Benchmark source (database and release)", "Case › Packet details › Benchmark source (database and release)", x -> x.arguments().benchmarkSource());
        c("denial.carc", "Denial CARC", "Case › Denial › CARC", x -> x.denial().carc());
        c("denial.payerRequested", "What the payer asked for", "Case › Packet details › What the payer asked for", x -> x.denial().payerRequested());
        c("denial.evidence", "Evidence checklist", "Case › Denial › Evidence checklist", x -> x.denial().evidence().isEmpty() ? null : x.denial().evidence());

        l("lines[].dateOfService", "Date of service", PacketLine::dateOfService);
        l("lines[].code", "Service code", PacketLine::code);
        l("lines[].description", "Description", PacketLine::description);
        l("lines[].billed", "Billed amount", PacketLine::billed);
        l("lines[].paid", "Paid amount", PacketLine::paid);
        l("lines[].qpa", "QPA", PacketLine::qpa);
        l("lines[].offer", "Offer", PacketLine::offer);
        l("lines[].benchmark80thBilled", "80th percentile billed benchmark", PacketLine::benchmark80thBilled);
        l("lines[].benchmark50thAllowed", "50th percentile allowed benchmark", PacketLine::benchmark50thAllowed);
        l("lines[].mar", "MAR", PacketLine::mar);
        l("lines[].marComputation", "MAR computation", PacketLine::marComputation);
        l("lines[].amountInDispute", "Amount in dispute", PacketLine::amountInDispute);
    }

    private RequiredFields() {
    }

    /** Every key the catalogue knows (used by a test to keep PacketType honest). */
    public static boolean known(String key) {
        return CASE_FIELDS.containsKey(key) || LINE_FIELDS.containsKey(key) || key.startsWith("deadline.");
    }

    /** Checks the type's required fields, the track, and exhibit references; returns every problem found. */
    public static List<PacketValidationException.FieldError> check(PacketType type, PacketContext ctx) {
        List<PacketValidationException.FieldError> errors = new ArrayList<>();
        if (ctx.track() == null || !type.appliesTo(ctx.track())) {
            errors.add(new PacketValidationException.FieldError("track",
                    type.title() + " applies to " + type.tracks() + " cases, not " + ctx.track()
                            + ". Where: Case › Track"));
        }
        for (String key : type.requiredFields()) {
            if (key.startsWith("deadline.")) {
                String dk = key.substring("deadline.".length());
                boolean present = ctx.dates() != null && ctx.dates().deadlines().stream()
                        .anyMatch(d -> dk.equals(d.key()) && d.dueDate() != null);
                if (!present) {
                    errors.add(new PacketValidationException.FieldError(key, "Deadline " + dk
                            + " is missing. Where: Case › Deadlines (record the event it is computed from)"));
                }
            } else if (LINE_FIELDS.containsKey(key)) {
                LineField f = LINE_FIELDS.get(key);
                for (int i = 0; i < ctx.lines().size(); i++) {
                    if (empty(f.read().apply(ctx.lines().get(i)))) {
                        String field = key.replace("[]", "[" + i + "]");
                        errors.add(new PacketValidationException.FieldError(field, f.label() + " is missing on line "
                                + (i + 1) + " (" + ctx.lines().get(i).code() + "). Where: " + f.where()));
                    }
                }
            } else {
                CaseField f = CASE_FIELDS.get(key);
                if (f == null) {
                    throw new IllegalStateException("unknown required field key " + key);
                }
                Object value = ctx == null ? null : safeRead(f, ctx);
                if (empty(value)) {
                    errors.add(new PacketValidationException.FieldError(key, f.label() + " is missing. Where: " + f.where()));
                }
            }
        }
        // The appeal letter says what is attached: an item marked attached must name a real exhibit.
        if (type == PacketType.COMMERCIAL_APPEAL && ctx.denial() != null) {
            for (int i = 0; i < ctx.denial().evidence().size(); i++) {
                var item = ctx.denial().evidence().get(i);
                if (item.required() && !item.attached()) {
                    errors.add(new PacketValidationException.FieldError("denial.evidence[" + i + "]",
                            "Required evidence '" + item.description() + "' is not attached. Where: Denials › Evidence checklist"));
                }
                if (item.attached() && ctx.exhibits().stream().noneMatch(e -> e.title().equals(item.exhibitTitle()))) {
                    errors.add(new PacketValidationException.FieldError("denial.evidence[" + i + "]",
                            "Evidence '" + item.description() + "' is marked attached but no exhibit is titled '"
                                    + item.exhibitTitle() + "'. Where: Case › Exhibits"));
                }
            }
        }
        return errors;
    }

    private static Object safeRead(CaseField f, PacketContext ctx) {
        return f.read().apply(ctx);
    }

    private static boolean empty(Object v) {
        return v == null
                || (v instanceof String s && s.isBlank())
                || (v instanceof Collection<?> c && c.isEmpty());
    }
}
