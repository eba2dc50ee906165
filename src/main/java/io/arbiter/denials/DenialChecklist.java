package io.arbiter.denials;

import io.arbiter.findings.DenialClassifier;
import io.arbiter.rules.RuleBook;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
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
    private final ChecklistRules rules;

    public DenialChecklist(DenialClassifier classifier, RuleBook book) {
        this.classifier = classifier;
        this.rules = book.get(ChecklistRules.class);
    }

    public List<Item> items(String category, String procedureCode) {
        DenialClassifier.Playbook pb = classifier.playbooks().stream().filter(p -> p.category().equals(category)).findFirst().orElse(null);
        if (pb == null) {
            return List.of();
        }
        Set<Integer> required = rules.forCategory(category).requiredFor(procedureCode);
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < pb.evidence().size(); i++) {
            out.add(new Item(i, pb.evidence().get(i), required.contains(i)));
        }
        return out;
    }
}
