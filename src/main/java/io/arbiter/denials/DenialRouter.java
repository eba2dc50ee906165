package io.arbiter.denials;

import io.arbiter.pricing.RuleData;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assigns a denial to an owner by the first matching routing rule (rules/denials-routing.yml, or the file
 * named by arbiter.denials.routing-file): conditions on category, payer code, practice NPI and work type.
 */
@Singleton
public class DenialRouter {

    public record Rule(String id, @Nullable String category, @Nullable String payerCode, @Nullable String practiceNpi,
                       @Nullable String workType, String owner) {

        boolean matches(Subject s) {
            return (category == null || category.equals(s.category()))
                    && (payerCode == null || payerCode.equals(s.payerCode()))
                    && (practiceNpi == null || practiceNpi.equals(s.practiceNpi()))
                    && (workType == null || workType.equals(s.workType().name()));
        }
    }

    /** What routing looks at. */
    public record Subject(String category, @Nullable String payerCode, @Nullable String practiceNpi, WorkType workType) {
    }

    public record Assignment(String owner, String ruleId) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public DenialRouter(@Nullable @Value("${arbiter.denials.routing-file:}") String file) {
        Map<String, Object> doc = file == null || file.isBlank() ? RuleData.load("/rules/denials-routing.yml") : read(Path.of(file));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) doc.getOrDefault("rules", List.of());
        for (Map<String, Object> m : list) {
            String owner = RuleData.string(m, "owner");
            if (owner == null || owner.isBlank() || RuleData.string(m, "id") == null) {
                throw new IllegalStateException("denial routing rule needs an id and an owner: " + m);
            }
            rules.add(new Rule(RuleData.string(m, "id"), RuleData.string(m, "category"), RuleData.string(m, "payerCode"),
                    RuleData.string(m, "practiceNpi"), RuleData.string(m, "workType"), owner));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> read(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public @Nullable Assignment route(Subject s) {
        return rules.stream().filter(r -> r.matches(s)).findFirst().map(r -> new Assignment(r.owner(), r.id())).orElse(null);
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }
}
