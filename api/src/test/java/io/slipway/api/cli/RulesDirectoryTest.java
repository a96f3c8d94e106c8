package io.slipway.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rules are data: a file dropped into the rules directory changes the next run, without a rebuild. */
class RulesDirectoryTest {
    private static final Path ROOT = CliRun.repoRoot();
    private static final String LAB =
            ROOT.resolve("site-examples/lab-site.yaml").toString();

    private static Path copyRules(Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        Files.createDirectories(rules.resolve("validation"));
        try (Stream<Path> files = Files.list(ROOT.resolve("rules/validation"))) {
            for (Path f : files.toList()) {
                Files.copy(f, rules.resolve("validation").resolve(f.getFileName()));
            }
        }
        return rules;
    }

    @Test
    void aNewRuleFileChangesTheNextValidation(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        assertThat(CliRun.of("validate", "--rules", rules.toString(), LAB).exit())
                .isZero();
        Files.writeString(rules.resolve("validation/site-policy.drl"), """
        package slipway.rules.validation;
        import io.slipway.engine.design.Finding;
        import io.slipway.engine.effective.EffectiveNode;

        rule "POL-001 storage nodes run the HWE kernel"
        when
            $n : EffectiveNode(tags contains "storage", spec.kernel != "hwe-22.04")
        then
            insert(Finding.error("POL001", "POL-001", "Site Policy",
                "storage node " + $n.name() + " must use kernel hwe-22.04", "Set platform.kernel.", $n.doc()));
        end
        """);
        CliRun run = CliRun.of("validate", "--rules", rules.toString(), LAB);
        assertThat(run.exit()).isEqualTo(1);
        // The storage nodes inherit their kernel from one profile, so the finding is reported there, once.
        assertThat(run.out())
                .contains("POL001", "storage node stor10, stor11, stor12 must use kernel hwe-22.04")
                .contains("1 error(s)");
    }

    @Test
    void aBrokenRuleFileFailsClearlyWithFileLineColumn(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Path broken = rules.resolve("validation/broken.drl");
        Files.writeString(
                broken,
                "package slipway.rules.validation;\n\nrule \"X-001 broken\"\nwhen\n    String( length > )\nthen\nend\n");
        CliRun run = CliRun.of("validate", "--rules", rules.toString(), LAB);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).containsPattern(java.util.regex.Pattern.quote(broken.toString()) + ":\\d+:\\d+: ");
        assertThat(run.err()).contains("validation not run");
        assertThat(run.out()).isEmpty();
    }
}
