package io.slipway.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged `slipway` launcher: same verdict as `java -jar`, precompiled rules, a cache that follows edits. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target", "slipway").toAbsolutePath();
    private static final Path JAR = Path.of("target", "slipway.jar").toAbsolutePath();
    private static final String LAB =
            CliRun.repoRoot().resolve("site-examples/lab-site.yaml").toString();

    @TempDir
    Path work;

    record Run(int exit, String out, String err) {}

    private Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().put("SLIPWAY_CACHE_DIR", work.resolve("cache").toString());
        pb.redirectError(work.resolve("err.txt").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        return new Run(exit, out, Files.readString(work.resolve("err.txt")));
    }

    private Run launcher(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    @Test
    void theLauncherGivesTheJarsVerdictFromThePrecompiledRules() throws Exception {
        Run fast = launcher("validate", "--timings", LAB);
        assertThat(fast.exit()).isZero();
        assertThat(fast.err()).contains("rules precompiled in");
        Run plain = run(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", JAR.toString(), "validate", LAB));
        assertThat(fast.out()).isEqualTo(plain.out()).contains("Success: 0 error(s)");
    }

    @Test
    void anEditedRulesDirectoryIsCompiledOnceThenCachedAndABrokenEditCachesNothing() throws Exception {
        Path rules = work.resolve("rules-copy");
        Files.createDirectories(rules.resolve("validation"));
        try (Stream<Path> files = Files.list(CliRun.repoRoot().resolve("rules/validation"))) {
            for (Path f : files.toList()) {
                Files.writeString(
                        rules.resolve("validation").resolve(f.getFileName().toString()),
                        Files.readString(f) + "\n// edited\n");
            }
        }
        assertThat(launcher("validate", "--timings", "--rules", rules.toString(), LAB)
                        .err())
                .contains("rules compiled in");
        assertThat(launcher("validate", "--timings", "--rules", rules.toString(), LAB)
                        .err())
                .contains("rules cached in");
        Files.writeString(
                rules.resolve("validation/broken.drl"),
                "package x;\nrule \"X-001 broken\"\nwhen\n  String( length > )\nthen\nend\n");
        Run broken = launcher("validate", "--rules", rules.toString(), LAB);
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).containsPattern("broken\\.drl:\\d+:\\d+: ");
        try (Stream<Path> cached = Files.list(work.resolve("cache/rules"))) {
            assertThat(cached.filter(p -> p.toString().endsWith(".jar")).count())
                    .isEqualTo(1);
        }
    }
}
