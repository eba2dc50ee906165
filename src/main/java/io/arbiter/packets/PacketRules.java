package io.arbiter.packets;

import io.arbiter.common.Citation;
import io.arbiter.rules.EffectivePeriod;
import io.arbiter.rules.PrimarySources;
import io.arbiter.rules.RuleBook;
import io.arbiter.rules.RuleDocument;
import io.arbiter.rules.RuleNode;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Citations and regulatory numbers packets print, loaded from {@code rules/packets.yml}. */
@Singleton
public class PacketRules {

    /** One version of the Texas PIP late-payment rule. */
    public record PipPenaltyRule(LocalDate effectiveFrom, LocalDate effectiveTo, BigDecimal penaltyPercent,
                                 int paymentDays, Citation citation) {
        boolean covers(LocalDate d) {
            return (effectiveFrom == null || !d.isBefore(effectiveFrom)) && (effectiveTo == null || !d.isAfter(effectiveTo));
        }
    }

    private final Map<String, Citation> citations;
    private final List<PipPenaltyRule> pipRules;
    private final Map<String, String> claimStatusLabels;
    private final PrimarySources primarySources;

    public PacketRules(RuleBook book) {
        Bound bound = book.get(Bound.class);
        this.citations = bound.citations();
        this.pipRules = bound.pipRules();
        this.claimStatusLabels = bound.claimStatusLabels();
        this.primarySources = book.primarySources();
    }

    /** Loads rules/packets.yml alone (renderer tests and benchmarks that run without the service). */
    public static PacketRules fromClasspath() {
        return new PacketRules(RuleBook.load(List.of(document())));
    }

    static RuleDocument<Bound> document() {
        return RuleDocument.classpath("packets.yml", Bound.class, Bound::bind);
    }

    /** rules/packets.yml bound to records. */
    record Bound(Map<String, Citation> citations, List<PipPenaltyRule> pipRules, Map<String, String> claimStatusLabels) {

        static Bound bind(RuleNode root) {
            Map<String, Citation> citations = new LinkedHashMap<>();
            root.entries("citations").keySet().forEach(k -> citations.put(k, root.get("citations").citation(k)));
            List<PipPenaltyRule> pip = root.list("pipPenalty").stream().map(m -> {
                EffectivePeriod p = m.has("effectiveFrom") ? m.period() : new EffectivePeriod(LocalDate.MIN, m.optionalDate("effectiveTo"));
                String ref = m.text("citation");
                Citation c = citations.get(ref);
                if (c == null) {
                    m.problem("citation", "'" + ref + "' is not one of citations " + citations.keySet());
                }
                return new PipPenaltyRule(p.from() == LocalDate.MIN ? null : p.from(), p.to(), m.decimal("penaltyPercent"),
                        m.integer("paymentDays"), c);
            }).toList();
            Map<String, String> labels = new LinkedHashMap<>();
            RuleNode status = root.get("claimStatusCodes");
            status.optionalCitation("citation");
            status.entries("labels").forEach((k, v) -> labels.put(k, v.scalar()));
            return new Bound(Map.copyOf(citations), pip, labels);
        }
    }

    public Citation citation(String key) {
        Citation c = citations.get(key);
        if (c == null) {
            throw new IllegalArgumentException("no citation " + key + " in rules/packets.yml");
        }
        return c;
    }

    /**
     * Whether a URL is one of the primary sources (statute, regulation, CMS/TDI/DWC page) an outgoing document
     * may cite; secondary pages (law-firm notes, vendor blogs) are research, never printed as the authority.
     */
    public boolean isPrimarySource(String url) {
        return primarySources.isPrimary(url);
    }

    public Map<String, Citation> citations() {
        return Map.copyOf(citations);
    }

    /** The label of an 835 CLP02 claim status code (unverified wording, see packets.yml), or null when unknown. */
    public String claimStatusLabel(String code) {
        return code == null ? null : claimStatusLabels.get(code.trim());
    }

    /** The PIP penalty rule in force on the date the insurer received proof of the claim. */
    public PipPenaltyRule pipPenalty(LocalDate proofOfClaimReceived) {
        return pipRules.stream().filter(r -> r.covers(proofOfClaimReceived)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no PIP penalty rule covers " + proofOfClaimReceived));
    }
}
