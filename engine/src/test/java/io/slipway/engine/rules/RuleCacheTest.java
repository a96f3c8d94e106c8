package io.slipway.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.TestDesigns;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.rules.RuleBook.Mode;
import io.slipway.engine.rules.RuleSet.Source;
import io.slipway.engine.validation.DesignValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.runtime.KieSession;

class RuleCacheTest {
    @TempDir
    Path rules;

    @TempDir
    Path cache;

    private static final String RULE = """
      package x;
      rule "X-001 counts strings"
      when
        String(length > %d)
      then
        insert(Integer.valueOf(1));
      end
      """;

    @Test
    void aDirectoryIsCompiledOnceThenLoadedFromTheCacheUntilAFileChanges() throws IOException {
        Files.writeString(rules.resolve("a.drl"), RULE.formatted(3));
        RuleSet first = RuleBook.compile(rules, Mode.EXECUTABLE, cache);
        assertThat(first.loading().source()).isEqualTo(Source.COMPILED);
        assertThat(fires(first, "abcd")).isEqualTo(1);
        assertThat(jars()).hasSize(1);

        RuleSet again = RuleBook.compile(rules, Mode.EXECUTABLE, cache);
        assertThat(again.loading().source()).isEqualTo(Source.CACHED);
        assertThat(fires(again, "abcd")).isEqualTo(1);

        Files.writeString(rules.resolve("a.drl"), RULE.formatted(10)); // the edit changes what fires
        RuleSet edited = RuleBook.compile(rules, Mode.EXECUTABLE, cache);
        assertThat(edited.loading().source()).isEqualTo(Source.COMPILED);
        assertThat(fires(edited, "abcd")).isZero();
        assertThat(jars()).hasSize(2);
    }

    @Test
    void aBrokenFileIsReportedByPositionAndLeavesNothingInTheCache() throws IOException {
        Files.writeString(rules.resolve("a.drl"), RULE.formatted(3));
        RuleBook.compile(rules, Mode.EXECUTABLE, cache);
        Files.writeString(
                rules.resolve("broken.drl"), "package x;\n\nrule \"broken\"\nwhen\n  String( length > \nthen\nend\n");
        assertThatThrownBy(() -> RuleBook.compile(rules, Mode.EXECUTABLE, cache))
                .isInstanceOfSatisfying(
                        RuleCompilationException.class,
                        e -> assertThat(e.errors())
                                .anySatisfy(line -> assertThat(line)
                                        .matches(Pattern.quote(rules.resolve("broken.drl")
                                                        .toString()) + ":\\d+:\\d+: .+")));
        assertThat(jars()).hasSize(1);
        Files.delete(rules.resolve("broken.drl"));
        assertThat(RuleBook.compile(rules, Mode.EXECUTABLE, cache).loading().source())
                .isEqualTo(Source.CACHED);
    }

    @Test
    void aDamagedCacheEntryIsReplaced() throws IOException {
        Files.writeString(rules.resolve("a.drl"), RULE.formatted(3));
        RuleBook.compile(rules, Mode.EXECUTABLE, cache);
        Files.write(jars().get(0), new byte[] {1, 2, 3});
        RuleSet set = RuleBook.compile(rules, Mode.EXECUTABLE, cache);
        assertThat(set.loading().source()).isEqualTo(Source.COMPILED);
        assertThat(fires(set, "abcd")).isEqualTo(1);
    }

    @Test
    void theRepositoryRulesUseTheClassesGeneratedAtBuildTime() {
        RuleSet set = RuleBook.compile(TestDesigns.repoRoot().resolve("rules/validation"), Mode.EXECUTABLE, cache);
        assertThat(set.loading().source()).isEqualTo(Source.PRECOMPILED);
        assertThat(RuleBook.bundled("lifecycle").loading().source()).isEqualTo(Source.PRECOMPILED);
        assertThat(set.ruleCount())
                .isEqualTo(RuleBook.compile(TestDesigns.repoRoot().resolve("rules/validation"), Mode.INTERPRETED, null)
                        .ruleCount());
    }

    @Test
    void anEditedCopyOfTheBundledRulesRunsItsOwnClassesNotThePrecompiledOnes() throws IOException {
        try (Stream<Path> files = Files.list(TestDesigns.repoRoot().resolve("rules/validation"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve(f.getFileName()));
            }
        }
        Path lab = TestDesigns.repoRoot().resolve("site-examples/lab-site.yaml");
        Files.writeString(rules.resolve("site-policy.drl"), """
        package slipway.rules.validation;
        import io.slipway.engine.design.Finding;
        import io.slipway.engine.effective.EffectiveNode;
        rule "POL-001 storage nodes run the HWE kernel"
        when
            $n : EffectiveNode(tags contains "storage", spec.kernel != "hwe-22.04")
        then
            insert(Finding.error("POL001", "POL-001", "Site Policy", "storage node " + $n.name(), "", $n.doc()));
        end
        """);
        for (Source expected : List.of(Source.COMPILED, Source.CACHED)) {
            RuleSet set = RuleBook.compile(rules, Mode.EXECUTABLE, cache);
            assertThat(set.loading().source()).isEqualTo(expected);
            var result = new DesignValidation(new DesignLoader(), set).validateReferences(List.of(lab.toString()));
            // The three storage nodes get their kernel from one profile: one finding there, naming them.
            assertThat(TestDesigns.errors(result)).singleElement().satisfies(f -> {
                assertThat(f.code()).isEqualTo("POL001");
                assertThat(f.message()).contains("stor10, stor11, stor12");
            });
        }
    }

    private static long fires(RuleSet set, String fact) {
        KieSession s = set.kieBase().newKieSession();
        try {
            s.insert(fact);
            s.fireAllRules();
            return s.getObjects(o -> o instanceof Integer).size();
        } finally {
            s.dispose();
        }
    }

    private List<Path> jars() throws IOException {
        Path dir = cache.resolve("rules");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).toList();
        }
    }
}
