package io.slipway.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.engine.TestDesigns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleBookTest {

    @Test
    void theRepositoryRulesCompileAndEveryRuleHasAUniqueId() throws IOException {
        RuleSet set = TestDesigns.rules();
        assertThat(set.ruleCount()).isGreaterThan(60);
        Set<String> ids = new HashSet<>();
        Pattern rule = Pattern.compile("^rule \"([A-Z]+-\\d{3}) ", Pattern.MULTILINE);
        try (Stream<Path> files = Files.list(TestDesigns.repoRoot().resolve("rules/validation"))) {
            for (Path f : files.toList()) {
                Matcher m = rule.matcher(Files.readString(f));
                while (m.find()) {
                    assertThat(ids.add(m.group(1)))
                            .as("rule id %s is unique", m.group(1))
                            .isTrue();
                }
            }
        }
        assertThat(ids).hasSize(set.ruleCount());
    }

    @Test
    void theBundledCopyMatchesTheRepository() {
        assertThat(RuleBook.bundled("validation").ruleCount())
                .isEqualTo(TestDesigns.rules().ruleCount());
    }

    @Test
    void syntaxErrorsAreReportedAsFileLineColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.drl"), "package x;\nrule \"fine\" when then end\n");
        Files.writeString(
                dir.resolve("broken.drl"), "package x;\n\nrule \"broken\"\nwhen\n  String( length > \nthen\nend\n");
        assertThatThrownBy(() -> RuleBook.compile(dir))
                .isInstanceOfSatisfying(
                        RuleCompilationException.class,
                        e -> assertThat(e.errors())
                                .anySatisfy(line -> assertThat(line)
                                        .matches(Pattern.quote(dir.resolve("broken.drl")
                                                        .toString()) + ":\\d+:\\d+: .+")));
    }

    @Test
    void anEmptyDirectoryIsAnError(@TempDir Path dir) {
        assertThatThrownBy(() -> RuleBook.compile(dir)).hasMessageContaining("no .drl files");
    }
}
