package io.arbiter.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeps docs/architecture.md's package table true: each capability package of {@code io.arbiter} may depend only on
 * the packages its row names. A new import across a border the table does not allow fails this test with the class
 * and the dependency — e.g. a reference to {@code io.arbiter.web.ViewRenderer} in {@code claims.ClaimReader} fails with
 * "claims -> web (Static Initializer <io.arbiter.claims.ClaimReader.<clinit>()> references class object
 * <io.arbiter.web.ViewRenderer> in (ClaimReader.java:24))" (tried), since nothing may depend on {@code web}. To allow a new
 * edge, change the table in docs/architecture.md and here together.
 */
class ArchitectureTest {

    /** docs/architecture.md "Packages": package -> packages it may depend on. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("common", Set.of()),
            entry("cluster", Set.of("common")),
            entry("ops", Set.of("common")),
            entry("audit", Set.of("common")),
            entry("security", Set.of("common", "audit", "cluster")),
            entry("practice", Set.of("common", "audit", "security")),
            entry("claims", Set.of("common", "audit", "security", "practice")),
            entry("intake", Set.of("common", "audit", "cluster", "practice", "claims", "rules")),
            entry("rules", Set.of("common")),
            entry("calendar", Set.of("common", "rules")),
            entry("deadlines", Set.of("common", "rules", "calendar", "practice")),
            entry("tracks", Set.of("common", "audit", "security", "rules", "calendar", "deadlines", "practice", "claims")),
            entry("pricing", Set.of("common", "audit", "practice", "claims", "rules")),
            entry("findings", Set.of("common", "audit", "cluster", "security", "practice", "claims", "rules", "pricing")),
            entry("priorauth", Set.of("common", "audit", "security", "practice", "claims", "rules", "pricing", "findings")),
            entry("calendarfeed", Set.of("common", "audit", "security")),
            entry("cases", Set.of("common", "audit", "cluster", "security", "practice", "claims", "rules", "calendar",
                    "deadlines", "tracks", "findings", "calendarfeed")),
            entry("packets", Set.of("common", "audit", "rules", "security", "practice", "claims", "tracks", "pricing", "findings", "cases")),
            entry("denials", Set.of("common", "audit", "security", "rules", "practice", "claims", "deadlines", "tracks", "pricing", "findings", "cases",
                    "packets")),
            entry("reports", Set.of("common", "audit", "security", "rules", "practice", "claims", "tracks", "pricing", "cases", "packets", "denials",
                    "priorauth")),
            entry("reconciliation", Set.of("common", "audit", "cluster", "security", "claims", "cases", "denials")),
            entry("demo", Set.of("common", "cluster", "security", "practice", "claims", "intake", "cases", "packets", "denials")),
            entry("web", Set.of("common", "audit", "rules", "security", "calendarfeed", "practice", "claims", "intake", "tracks", "pricing",
                    "findings", "cases", "packets", "denials", "reports", "reconciliation")));

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.arbiter");
    }

    @Test
    void everyPackageDependsOnlyOnWhatTheTableAllows() {
        List<String> violations = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        main.forEach(c -> {
            String from = capability(c.getPackageName());
            if (from == null) {
                return;
            }
            seen.add(from);
            Set<String> allowed = ALLOWED.get(from);
            if (allowed == null) {
                violations.add("package " + from + " is not in docs/architecture.md's table (" + c.getName() + ")");
                return;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                String to = capability(d.getTargetClass().getPackageName());
                if (to != null && !to.equals(from) && !allowed.contains(to)) {
                    violations.add(from + " -> " + to + " (" + d.getDescription() + ")");
                }
            }
        });
        assertTrue(violations.isEmpty(), violations.size() + " dependencies the table does not allow:\n" + String.join("\n",
                violations.stream().distinct().limit(40).toList()));
        assertEquals(new TreeSet<>(ALLOWED.keySet()), seen, "the table names exactly the packages that exist");
    }

    /**
     * A capability's repositories are its own (issue 16): another capability reads through the service the owner
     * publishes ({@code practice.Payers}, {@code claims.Claims}, {@code cases.CaseEvents}, {@code security.Users}...).
     * The 96 foreign reads that existed when this rule was written were all moved to such services (2026-12-04); a new one
     * fails here naming the class and the repository — e.g. {@code web.ClaimsPage -> findings.FindingRepository} if the
     * claims screen injected FindingRepository again instead of {@code findings.Findings} (tried).
     */
    @Test
    void noCapabilityReachesIntoAnotherCapabilitysRepositories() {
        Set<String> found = new TreeSet<>();
        main.forEach(c -> {
            String from = capability(c.getPackageName());
            if (from == null) {
                return;
            }
            for (Dependency d : c.getDirectDependenciesFromSelf()) {
                var target = d.getTargetClass();
                String to = capability(target.getPackageName());
                if (to != null && !to.equals(from) && target.getSimpleName().endsWith("Repository")) {
                    found.add(shortName(c.getName()) + " -> " + shortName(target.getName()));
                }
            }
        });
        assertTrue(found.isEmpty(), "reads of another capability's repository (use the owner's service):\n" + String.join("\n", found));
    }

    /** "packets.PacketContextFactory" for the class, its inner classes and Micronaut's generated {@code $...$Definition}s. */
    private static String shortName(String className) {
        String n = className.substring("io.arbiter.".length());
        int dot = n.lastIndexOf('.');
        String pkg = n.substring(0, dot + 1);
        String simple = n.substring(dot + 1);
        if (simple.startsWith("$")) {
            simple = simple.substring(1);
        }
        int inner = simple.indexOf('$');
        return pkg + (inner < 0 ? simple : simple.substring(0, inner));
    }

    /**
     * One rule system: only {@code io.arbiter.rules} parses YAML. A capability binds its rule file through a
     * {@code RuleDocument} (checked with every other file at start-up); a class that opened a file with SnakeYAML itself
     * — as PlanTypes and PacketRules once did — fails here with the class and the SnakeYAML type it uses.
     */
    @Test
    void onlyTheRuleLoaderReadsYaml() {
        List<String> offenders = new ArrayList<>();
        main.forEach(c -> {
            if (!c.getPackageName().equals("io.arbiter.rules")) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    if (d.getTargetClass().getPackageName().startsWith("org.yaml.snakeyaml")) {
                        offenders.add(c.getName() + " -> " + d.getTargetClass().getName());
                    }
                }
            }
        });
        assertTrue(offenders.isEmpty(), "read rule files through io.arbiter.rules.RuleDocument: " + new TreeSet<>(offenders));
    }

    @Test
    void nothingDependsOnTheWebOrTheDemo() {
        ALLOWED.forEach((pkg, deps) -> {
            if (!pkg.equals("web")) {
                assertTrue(!deps.contains("web"), pkg + " may not depend on web");
            }
            if (!pkg.equals("web") && !pkg.equals("demo")) {
                assertTrue(!deps.contains("demo"), pkg + " may not depend on demo");
            }
        });
    }

    @Test
    void theTableHasNoCycle() {
        // The table is checked as a graph: a cycle there is a cycle the code may grow. The last one, deadlines <-> tracks,
        // went when Track (the vocabulary rule entries are written in) moved to rules.
        List<String> cycles = new ArrayList<>();
        for (String start : ALLOWED.keySet()) {
            for (String next : ALLOWED.get(start)) {
                if (reaches(next, start, new TreeSet<>())) {
                    cycles.add(start + " -> " + next + " -> ... -> " + start);
                }
            }
        }
        assertTrue(cycles.isEmpty(), "cycles: " + cycles);
    }

    private static boolean reaches(String from, String target, Set<String> visited) {
        if (from.equals(target)) {
            return true;
        }
        if (!visited.add(from)) {
            return false;
        }
        for (String n : ALLOWED.getOrDefault(from, Set.of())) {
            if (reaches(n, target, visited)) {
                return true;
            }
        }
        return false;
    }

    /** io.arbiter.intake.x12 -> intake; classes outside io.arbiter.* (and db.migration) -> null. */
    static String capability(String pkg) {
        if (!pkg.startsWith("io.arbiter.")) {
            return null;
        }
        String rest = pkg.substring("io.arbiter.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
