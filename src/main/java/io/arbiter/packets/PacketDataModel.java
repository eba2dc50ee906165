package io.arbiter.packets;

import io.arbiter.common.DisplayFormat;
import io.arbiter.common.Citation;
import io.arbiter.common.Money;
import io.arbiter.packets.model.PacketContext;
import io.arbiter.packets.model.PacketContext.Address;
import io.arbiter.packets.model.PacketContext.PacketLine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns a {@link PacketContext} into what templates see: nested maps and lists of already-formatted strings
 * (io.arbiter.common.DisplayFormat: money $1,234.56 / −$410.00,
 * dates MM/DD/YYYY, ZIP+4 77030-1234, ICD-10 G89.4, enums as words), booleans and integers — nothing with methods. Absent optional values
 * are absent keys, so a template tests them with {@code ??} instead of printing an empty placeholder.
 *
 * <p>The offer brief's model never contains billed charges, billed-charge benchmarks, the practice's
 * "expected" amount (it may be billed-based) or MAR (Medicare-based): IDR entities may not consider them
 * (42 U.S.C. 300gg-111(c)(5)(D)), so even an edited template cannot print them.
 */
final class PacketDataModel {

    /** An exhibit's place in the assembled packet; pages are 1-based physical pages (0 = not yet known). */
    record ExhibitSlot(String letter, String title, int pageCount, int startPage) {
    }

    private PacketDataModel() {
    }

    static Map<String, Object> build(PacketType type, PacketContext ctx, PacketRules rules,
                                     List<ExhibitSlot> exhibits, String batesPrefix) {
        return build(type, ctx, rules, exhibits, batesPrefix, true);
    }

    /**
     * @param withCover whether the document opens with a cover and contents page (only documents of three
     *                  or more body pages: a one-page notice is not preceded by two pages about it)
     */
    static Map<String, Object> build(PacketType type, PacketContext ctx, PacketRules rules,
                                     List<ExhibitSlot> exhibits, String batesPrefix, boolean withCover) {
        boolean noBilled = type == PacketType.OFFER_BRIEF;
        LocalDate asOf = documentDate(type, ctx);
        Map<String, Object> root = new LinkedHashMap<>();

        Map<String, Object> packet = new LinkedHashMap<>();
        packet.put("type", type.name());
        packet.put("title", type.title());
        put(packet, "caseNumber", ctx.caseNumber());
        put(packet, "preparedOn", DisplayFormat.date(ctx.preparedOn()));
        // The date the document carries and speaks from: a notice is dated by the event it gives notice of.
        put(packet, "date", DisplayFormat.date(asOf));
        packet.put("withCover", withCover);
        put(packet, "track", ctx.track() == null ? null : ctx.track().name());
        root.put("packet", packet);

        var p = ctx.practice();
        Map<String, Object> practice = new LinkedHashMap<>();
        put(practice, "name", p.name());
        put(practice, "tin", p.tin());
        put(practice, "npi", p.npi());
        put(practice, "address", address(p.address()));
        put(practice, "phone", p.phone());
        put(practice, "email", p.email());
        put(practice, "contactName", p.contactName());
        put(practice, "contactTitle", p.contactTitle());
        put(practice, "renderingProviderName", p.renderingProviderName());
        put(practice, "renderingProviderNpi", p.renderingProviderNpi());
        root.put("practice", practice);

        var y = ctx.payer();
        Map<String, Object> payer = new LinkedHashMap<>();
        put(payer, "name", y.name());
        put(payer, "legalEntity", y.legalEntity());
        put(payer, "address", address(y.address()));
        put(payer, "email", y.email());
        put(payer, "phone", y.phone());
        put(payer, "planName", y.planName());
        put(payer, "planType", DisplayFormat.words(y.planType()));
        put(payer, "policyNumber", y.policyNumber());
        root.put("payer", payer);

        var pt = ctx.patient();
        Map<String, Object> patient = new LinkedHashMap<>();
        put(patient, "name", pt.name());
        put(patient, "dateOfBirth", DisplayFormat.date(pt.dateOfBirth()));
        put(patient, "memberId", pt.memberId());
        put(patient, "dateOfInjury", DisplayFormat.date(pt.dateOfInjury()));
        put(patient, "employerName", pt.employerName());
        root.put("patient", patient);

        var c = ctx.claim();
        Map<String, Object> claim = new LinkedHashMap<>();
        put(claim, "patientControlNumber", c.patientControlNumber());
        put(claim, "payerClaimNumber", c.payerClaimNumber());
        put(claim, "firstDateOfService", DisplayFormat.date(c.firstDateOfService()));
        put(claim, "lastDateOfService", DisplayFormat.date(c.lastDateOfService()));
        put(claim, "datesOfService", c.lastDateOfService() == null || c.lastDateOfService().equals(c.firstDateOfService())
                ? DisplayFormat.date(c.firstDateOfService())
                : DisplayFormat.date(c.firstDateOfService()) + " – " + DisplayFormat.date(c.lastDateOfService()));
        put(claim, "placeOfService", c.placeOfService());
        put(claim, "facilityName", c.facilityName());
        put(claim, "serviceState", c.serviceState());
        put(claim, "geozip", c.geozip());
        put(claim, "diagnosisCodes", String.join(", ", c.diagnosisCodes().stream().map(DisplayFormat::icd10).toList()));
        put(claim, "serviceType", c.serviceType());
        root.put("claim", claim);

        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < ctx.lines().size(); i++) {
            PacketLine l = ctx.lines().get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", i + 1);
            put(m, "dateOfService", DisplayFormat.date(l.dateOfService()));
            put(m, "code", l.code());
            m.put("modifiers", String.join(", ", l.modifiers()));
            m.put("codeWithModifiers", l.modifiers().isEmpty() ? l.code() : l.code() + "-" + String.join("-", l.modifiers()));
            m.put("units", l.units());
            put(m, "description", l.description());
            if (!noBilled) {
                put(m, "billed", DisplayFormat.money(l.billed()));
                put(m, "expected", DisplayFormat.money(l.expected()));
                put(m, "benchmark80thBilled", DisplayFormat.money(l.benchmark80thBilled()));
                put(m, "mar", DisplayFormat.money(l.mar()));
                put(m, "marComputation", l.marComputation());
            }
            put(m, "allowed", DisplayFormat.money(l.allowed()));
            put(m, "paid", DisplayFormat.money(l.paid()));
            put(m, "qpa", DisplayFormat.money(l.qpa()));
            put(m, "offer", DisplayFormat.money(l.offer()));
            put(m, "offerPercentOfQpa", DisplayFormat.percentOf(l.offer(), l.qpa()));
            put(m, "benchmark50thAllowed", DisplayFormat.money(l.benchmark50thAllowed()));
            put(m, "amountInDispute", DisplayFormat.money(l.amountInDispute()));
            m.put("carc", String.join(", ", l.carcCodes()));
            m.put("rarc", String.join(", ", l.rarcCodes()));
            lines.add(m);
        }
        root.put("lines", lines);

        Map<String, Object> totals = new LinkedHashMap<>();
        if (!noBilled) {
            put(totals, "billed", total(ctx.lines(), PacketLine::billed));
            put(totals, "benchmark80thBilled", total(ctx.lines(), PacketLine::benchmark80thBilled));
            put(totals, "mar", total(ctx.lines(), PacketLine::mar));
        }
        put(totals, "allowed", total(ctx.lines(), PacketLine::allowed));
        put(totals, "paid", total(ctx.lines(), PacketLine::paid));
        put(totals, "qpa", total(ctx.lines(), PacketLine::qpa));
        put(totals, "offer", total(ctx.lines(), PacketLine::offer));
        put(totals, "benchmark50thAllowed", total(ctx.lines(), PacketLine::benchmark50thAllowed));
        put(totals, "amountInDispute", total(ctx.lines(), PacketLine::amountInDispute));
        totals.put("lineCount", ctx.lines().size());
        root.put("totals", totals);

        var mo = ctx.money();
        Map<String, Object> money = new LinkedHashMap<>();
        if (mo != null) {
            if (!noBilled) {
                put(money, "totalBilled", DisplayFormat.money(mo.totalBilled()));
            }
            put(money, "initialPayment", DisplayFormat.money(mo.initialPayment()));
            put(money, "costSharing", DisplayFormat.money(mo.costSharing()));
            put(money, "qpa", DisplayFormat.money(mo.qpa()));
            put(money, "providerOffer", DisplayFormat.money(mo.providerOffer()));
            put(money, "providerOfferPercentOfQpa", DisplayFormat.percentOf(mo.providerOffer(), mo.qpa()));
            put(money, "payerOffer", DisplayFormat.money(mo.payerOffer()));
            put(money, "determination", DisplayFormat.money(mo.determination()));
            put(money, "amountInDispute", DisplayFormat.money(mo.amountInDispute()));
            put(money, "adminFeePaid", DisplayFormat.money(mo.adminFeePaid()));
            put(money, "idreFeePaid", DisplayFormat.money(mo.idreFeePaid()));
            if (mo.adminFeePaid() != null && mo.idreFeePaid() != null) {
                money.put("feesPaidTotal", DisplayFormat.money(mo.adminFeePaid().add(mo.idreFeePaid())));
            }
            put(money, "feeRefund", DisplayFormat.money(mo.feeRefund()));
            put(money, "feeRefundReceived", DisplayFormat.money(mo.feeRefundReceived()));
        }
        root.put("money", money);

        var d = ctx.dates();
        Map<String, Object> dates = new LinkedHashMap<>();
        List<Map<String, Object>> deadlines = new ArrayList<>();
        Map<String, Object> deadlineByKey = new LinkedHashMap<>();
        if (d != null) {
            put(dates, "initialPaymentReceived", DisplayFormat.date(d.initialPaymentReceived()));
            put(dates, "openNegotiationStarted", DisplayFormat.date(d.openNegotiationStarted()));
            put(dates, "idrInitiated", DisplayFormat.date(d.idrInitiated()));
            put(dates, "idreSelected", DisplayFormat.date(d.idreSelected()));
            put(dates, "determinationIssued", DisplayFormat.date(d.determinationIssued()));
            put(dates, "feesPaid", DisplayFormat.date(d.feesPaid()));
            put(dates, "proofOfClaimReceived", DisplayFormat.date(d.proofOfClaimReceived()));
            put(dates, "billReceivedByCarrier", DisplayFormat.date(d.billReceivedByCarrier()));
            put(dates, "carrierActionReceived", DisplayFormat.date(d.carrierActionReceived()));
            put(dates, "denialReceived", DisplayFormat.date(d.denialReceived()));
            for (var dl : d.deadlines()) {
                Map<String, Object> m = new LinkedHashMap<>();
                boolean past = dl.dueDate() != null && dl.dueDate().isBefore(asOf);
                put(m, "key", dl.key());
                put(m, "label", stageLabel(dl.label() == null ? dl.key() : dl.label(), past));
                put(m, "dueDate", DisplayFormat.date(dl.dueDate()));
                m.put("past", past);
                put(m, "citation", cite(dl.citation(), rules));
                deadlines.add(m);
                deadlineByKey.put(dl.key(), m);
            }
        }
        root.put("dates", dates);
        root.put("deadlines", deadlines);
        root.put("deadline", deadlineByKey);

        Map<String, Object> idr = new LinkedHashMap<>();
        if (ctx.idr() != null) {
            var i = ctx.idr();
            put(idr, "disputeNumber", i.disputeNumber());
            put(idr, "preferredIdre", i.preferredIdre());
            put(idr, "selectedIdre", i.selectedIdre());
            if (i.stateLawOrApmApplies() != null) {
                idr.put("stateLawOrApmApplies", i.stateLawOrApmApplies());
            }
            idr.put("batched", i.batched());
            put(idr, "prevailingParty", i.prevailingParty());
        }
        root.put("idr", idr);

        Map<String, Object> args = new LinkedHashMap<>();
        if (ctx.arguments() != null) {
            var a = ctx.arguments();
            put(args, "serviceDescription", a.serviceDescription());
            put(args, "complexity", a.complexity());
            put(args, "trainingAndExperience", a.trainingAndExperience());
            put(args, "marketShare", a.marketShare());
            put(args, "priorContractedRates", a.priorContractedRates());
            put(args, "codingJustification", a.codingJustification());
            put(args, "goodFaithContracting", a.goodFaithContracting());
            put(args, "patientCharacteristics", a.patientCharacteristics());
            put(args, "benchmarkSource", a.benchmarkSource());
            put(args, "benchmarkHistory", a.benchmarkHistory());
            if (!noBilled) {
                put(args, "billedChargeComparison", a.billedChargeComparison());
                put(args, "usualCharges", a.usualCharges());
            }
        }
        root.put("arguments", args);

        Map<String, Object> denial = new LinkedHashMap<>();
        if (ctx.denial() != null) {
            var dn = ctx.denial();
            put(denial, "carc", dn.carc());
            put(denial, "rarc", dn.rarc());
            put(denial, "denialReason", dn.denialReason());
            put(denial, "payerRequested", dn.payerRequested());
            put(denial, "citation", cite(dn.playbookCitation(), rules));
            List<Map<String, Object>> evidence = new ArrayList<>();
            for (var e : dn.evidence()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("description", e.description());
                m.put("attached", e.attached());
                exhibits.stream().filter(s -> s.title().equals(e.exhibitTitle())).findFirst()
                        .ifPresent(s -> m.put("exhibit", "Exhibit " + s.letter()));
                evidence.add(m);
            }
            denial.put("evidence", evidence);
            denial.put("missingCount", (int) dn.evidence().stream().filter(e -> !e.attached()).count());
        }
        root.put("denial", denial);

        List<Map<String, Object>> ex = new ArrayList<>();
        for (ExhibitSlot s : exhibits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("letter", s.letter());
            m.put("title", s.title());
            m.put("pageCount", s.pageCount());
            m.put("startPage", s.startPage() > 0 ? String.valueOf(s.startPage()) : "000");
            m.put("batesStart", s.startPage() > 0 ? bates(batesPrefix, s.startPage()) : bates(batesPrefix, 0));
            m.put("batesEnd", s.startPage() > 0 ? bates(batesPrefix, s.startPage() + s.pageCount() - 1) : bates(batesPrefix, 0));
            ex.add(m);
        }
        root.put("exhibits", ex);

        Map<String, Object> cites = new LinkedHashMap<>();
        rules.citations().forEach((k, v) -> put(cites, k, cite(v, rules)));
        root.put("cite", cites);

        if (type == PacketType.TEXAS_PIP_DEMAND && d != null && d.proofOfClaimReceived() != null && mo != null
                && mo.amountInDispute() != null) {
            var rule = rules.pipPenalty(d.proofOfClaimReceived());
            // penalty = amount in dispute × percent / 100, rounded to the cent once (Money.cents)
            BigDecimal penalty = Money.cents(mo.amountInDispute().multiply(rule.penaltyPercent())
                    .divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP));
            Map<String, Object> pip = new LinkedHashMap<>();
            pip.put("penaltyPercent", rule.penaltyPercent().stripTrailingZeros().toPlainString() + "%");
            pip.put("paymentDays", rule.paymentDays());
            pip.put("penaltyAmount", DisplayFormat.money(penalty));
            pip.put("totalDemand", DisplayFormat.money(mo.amountInDispute().add(penalty)));
            root.put("pip", pip);
        }
        return root;
    }

    static String bates(String prefix, int page) {
        return prefix + String.format("%06d", page);
    }

    /**
     * A citation an outgoing document may print: only one whose URL is a primary source; anything else (a
     * secondary web page, no URL at all) is left out, since its text may name the secondary page rather than
     * the rule. The "unverified" flag is for screens, never for a document sent to a payer or an arbitrator.
     */
    static Map<String, Object> cite(Citation c, PacketRules rules) {
        if (c == null || c.text() == null || !rules.isPrimarySource(c.url())) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("text", c.text());
        m.put("url", c.url().trim());
        return m;
    }

    /** The date a packet is dated and worded from (see docs/packets.md, "Dates and stage"). */
    static LocalDate documentDate(PacketType type, PacketContext ctx) {
        var d = ctx.dates();
        LocalDate event = d == null ? null : switch (type) {
            case OPEN_NEGOTIATION_NOTICE -> d.openNegotiationStarted();
            case IDR_INITIATION_DATA_SHEET -> d.idrInitiated();
            default -> null;
        };
        return event != null ? event : ctx.preparedOn();
    }

    /** "Open negotiation ends" → "Open negotiation ended", "IDR initiation due" → "IDR initiation was due" once past. */
    static String stageLabel(String label, boolean past) {
        if (!past) {
            return label;
        }
        if (label.endsWith(" ends")) {
            return label.substring(0, label.length() - 5) + " ended";
        }
        if (label.endsWith(" due") && !label.endsWith(" was due")) {
            return label.substring(0, label.length() - 4) + " was due";
        }
        return label;
    }

    private static Map<String, Object> address(Address a) {
        if (a == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "line1", a.line1());
        String cityLine = (a.city() == null ? "" : a.city() + ", ") + (a.state() == null ? "" : a.state() + " ")
                + (a.zip() == null ? "" : DisplayFormat.zip(a.zip()));
        m.put("cityLine", cityLine.trim());
        m.put("oneLine", (a.line1() == null ? "" : a.line1() + ", ") + cityLine.trim());
        return m;
    }

    /** Sum of a line amount, or null unless every line has it (a partial total would mislead). */
    private static String total(List<PacketLine> lines, Function<PacketLine, BigDecimal> f) {
        if (lines.isEmpty() || lines.stream().anyMatch(l -> f.apply(l) == null)) {
            return null;
        }
        return DisplayFormat.money(lines.stream().map(f).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null && !(v instanceof String s && s.isBlank())) {
            m.put(k, v);
        }
    }
}
