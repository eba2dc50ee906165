package io.arbiter.denials;

import io.arbiter.findings.DenialClassifier;
import io.arbiter.pricing.RuleData;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A denial's evidence checklist: the playbook's items (rules/denials-playbooks.yml via DenialClassifier) with
 * the ones that must be attached before an appeal letter (rules/denials-checklists.yml).
 */
@Singleton
public class DenialChecklist {

    public record Item(int index, String description, boolean required) {
    }

    private final DenialClassifier classifier;
    private final Map<String, Object> categories = RuleData.map(RuleData.load("/rules/denials-checklists.yml"), "categories");

    public DenialChecklist(DenialClassifier classifier) {
        this.classifier = classifier;
    }

    @SuppressWarnings("unchecked")
    public List<Item> items(String category, String procedureCode) {
        DenialClassifier.Playbook pb = classifier.playbooks().stream().filter(p -> p.category().equals(category)).findFirst().orElse(null);
        if (pb == null) {
            return List.of();
        }
        Map<String, Object> c = RuleData.map(categories, category);
        Set<Integer> required = new HashSet<>();
        RuleData.strings(c, "required").forEach(s -> required.add(Integer.parseInt(s)));
        for (Map<String, Object> cond : (List<Map<String, Object>>) c.getOrDefault("requiredForCodes", List.of())) {
            if (RuleData.strings(cond, "codes").contains(procedureCode)) {
                required.add(RuleData.integer(cond, "item", -1));
            }
        }
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < pb.evidence().size(); i++) {
            out.add(new Item(i, pb.evidence().get(i), required.contains(i)));
        }
        return out;
    }
}
