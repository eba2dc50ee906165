package io.arbiter.packets;

import io.arbiter.common.Citation;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
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

    private final Map<String, Citation> citations = new LinkedHashMap<>();
    private final List<PipPenaltyRule> pipRules;
    private final Map<String, String> claimStatusLabels = new LinkedHashMap<>();
    private final List<String> primarySources;

    public PacketRules() {
        try (InputStream in = PacketRules.class.getResourceAsStream("/rules/packets.yml")) {
            if (in == null) {
                throw new IllegalStateException("rules/packets.yml missing from the classpath");
            }
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> cs = (Map<String, Map<String, Object>>) root.get("citations");
            cs.forEach((k, v) -> citations.put(k, new Citation((String) v.get("text"), (String) v.get("url"),
                    Boolean.TRUE.equals(v.get("unverified")))));
            @SuppressWarnings("unchecked")
            List<String> primary = (List<String>) root.get("primarySources");
            primarySources = primary == null ? List.of() : List.copyOf(primary);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> pip = (List<Map<String, Object>>) root.get("pipPenalty");
            pipRules = pip.stream().map(m -> new PipPenaltyRule(date(m.get("effectiveFrom")), date(m.get("effectiveTo")),
                    new BigDecimal(String.valueOf(m.get("penaltyPercent"))), ((Number) m.get("paymentDays")).intValue(),
                    citation((String) m.get("citation")))).toList();
            @SuppressWarnings("unchecked")
            Map<String, Object> status = (Map<String, Object>) root.get("claimStatusCodes");
            if (status != null) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> labels = (Map<Object, Object>) status.get("labels");
                labels.forEach((k, v) -> claimStatusLabels.put(String.valueOf(k), String.valueOf(v)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read rules/packets.yml", e);
        }
    }

    private static LocalDate date(Object o) {
        if (o == null) {
            return null;
        }
        return o instanceof java.util.Date d ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate() : LocalDate.parse(o.toString());
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
        return url != null && primarySources.stream().anyMatch(url.trim()::startsWith);
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
