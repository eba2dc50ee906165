package io.arbiter.findings;

import io.arbiter.common.Citation;
import io.arbiter.rules.RuleBook;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies denials by CARC/RARC into the playbook categories of rules/denials-playbooks.yml
 * (authorization, medical necessity, frequency, bundling, modifier, records, timely filing, non-covered),
 * each with the appeal evidence checklist (pain-coding-and-denials.md §6.5). Also the Java API
 * for cases/packets: {@link #playbook(String, String)}.
 */
@Singleton
public class DenialClassifier {

    @Serdeable
    public record Playbook(String category, String title, List<String> evidence, Citation citation) {
    }

    private final Map<String, Playbook> byCategory = new LinkedHashMap<>();
    private final Map<String, String> carcToCategory = new LinkedHashMap<>();
    private final Map<String, String> rarcToCategory = new LinkedHashMap<>();
    /** RARCs that name their category only together with one of these CARCs (N211 is timely filing only with CO-29). */
    private final Map<String, Set<String>> rarcRequiredCarcs = new LinkedHashMap<>();
    private final Set<String> nonDenial;

    public DenialClassifier(RuleBook book) {
        PlaybookRules rules = book.get(PlaybookRules.class);
        rules.categories().forEach((cat, c) -> {
            byCategory.put(cat, c.playbook());
            c.carcs().forEach(x -> carcToCategory.put(x, cat));
            c.rarcs().forEach(x -> rarcToCategory.put(x, cat));
            rarcRequiredCarcs.putAll(c.rarcOnlyWithCarcs());
        });
        nonDenial = rules.nonDenialCarcs();
    }

    /** The playbook for a CARC (optionally with a RARC, which wins when it names a category, e.g. M15, N211). */
    public Optional<Playbook> playbook(@Nullable String carc, @Nullable String rarc) {
        if (rarc != null && rarcToCategory.containsKey(rarc) && rarcApplies(rarc, carc == null ? List.of() : List.of(carc))) {
            return Optional.of(byCategory.get(rarcToCategory.get(rarc)));
        }
        return Optional.ofNullable(carc == null ? null : carcToCategory.get(carc)).map(byCategory::get);
    }

    /** Classifies a zero-paid line from its adjustment CARCs and RARCs; empty when none is a denial reason. */
    public Optional<Playbook> classify(Collection<ScanClaim.Adj> adjustments, Collection<String> rarcs) {
        List<String> carcs = adjustments.stream().filter(a -> !"PR".equals(a.group())).map(ScanClaim.Adj::carc).toList();
        for (String rarc : rarcs) {
            if (rarcToCategory.containsKey(rarc) && rarcApplies(rarc, carcs)) {
                return Optional.of(byCategory.get(rarcToCategory.get(rarc)));
            }
        }
        for (ScanClaim.Adj a : adjustments) {
            if (!"PR".equals(a.group()) && carcToCategory.containsKey(a.carc())) {
                return Optional.of(byCategory.get(carcToCategory.get(a.carc())));
            }
        }
        return Optional.empty();
    }

    private boolean rarcApplies(String rarc, Collection<String> carcs) {
        Set<String> required = rarcRequiredCarcs.get(rarc);
        return required == null || carcs.stream().anyMatch(required::contains);
    }

    public boolean isDenialReason(String carc) {
        return !nonDenial.contains(carc);
    }

    public List<Playbook> playbooks() {
        return new ArrayList<>(byCategory.values());
    }
}
