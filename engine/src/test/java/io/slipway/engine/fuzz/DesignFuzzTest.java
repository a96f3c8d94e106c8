package io.slipway.engine.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.engine.design.DesignInputException;
import io.slipway.engine.design.DesignLimits;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.DesignShape;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.effective.EffectiveCompiler;
import io.slipway.engine.fetch.FetchPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes design ingestion (shape checks, YAML parsing, binding, effective compilation) from the
 * committed corpus in {@code src/test/resources/fuzz/design} (past findings included, replayed first).
 * The only failure allowed is a {@link DesignInputException} with a message; anything else thrown, or
 * one input taking over 5 s, is a finding, saved under {@code target/fuzz-findings/design}. Runs
 * {@code -Dfuzz.seconds} (35 by default) with seed {@code -Dfuzz.seed} (printed); see docs/fuzzing.md.
 */
class DesignFuzzTest {
    private static final Path CORPUS = Path.of("src/test/resources/fuzz/design");
    private static final long SLOW_MS = 5_000;

    @Test
    void designIngestionFailsOnlyByNamingTheProblem() throws IOException {
        long seconds = Long.getLong("fuzz.seconds", 35);
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        List<byte[]> corpus = corpus();
        assertThat(corpus).isNotEmpty();
        DesignLoader loader = new DesignLoader(DesignLimits.defaults().withMaxInputBytes(4 << 20), FetchPolicy.none());
        Mutator mutator = new Mutator(new Random(seed));
        List<String> findings = new ArrayList<>();
        corpus.forEach(c -> check(loader, c, findings));
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long runs = 0;
        while (System.nanoTime() < end && findings.size() < 10) {
            check(loader, mutator.next(corpus), findings);
            runs++;
        }
        System.out.printf(
                "design fuzzing: %d inputs in %d s (seed %d), %d corpus entries, %d finding(s)%n",
                runs, seconds, seed, corpus.size(), findings.size());
        assertThat(findings)
                .as("findings (inputs saved under target/fuzz-findings/design; seed " + seed + ")")
                .isEmpty();
    }

    private static void check(DesignLoader loader, byte[] input, List<String> findings) {
        SourceText text = new SourceText("fuzz.yaml", input);
        long t0 = System.nanoTime();
        try {
            DesignShape.requireStorable(text);
            var design = loader.parse(List.of(text));
            DesignShape.requireDesign(text, design);
            new EffectiveCompiler().compile(design);
        } catch (DesignInputException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                findings.add(save(input, "DesignInputException without a message"));
            }
        } catch (Throwable t) {
            StringBuilder where = new StringBuilder(t.toString());
            for (int i = 0; i < Math.min(4, t.getStackTrace().length); i++) {
                where.append(" at ").append(t.getStackTrace()[i]);
            }
            findings.add(save(input, where.toString()));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (ms > SLOW_MS) {
            findings.add(save(input, "took " + ms + " ms"));
        }
    }

    private static String save(byte[] input, String why) {
        try {
            Path dir = Files.createDirectories(Path.of("target/fuzz-findings/design"));
            Path f = dir.resolve("finding-" + Integer.toHexString(java.util.Arrays.hashCode(input)) + ".yaml");
            Files.write(f, input);
            return f + ": " + why;
        } catch (IOException e) {
            return why + " (input not saved: " + e + ")";
        }
    }

    private static List<byte[]> corpus() throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CORPUS)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }
}
