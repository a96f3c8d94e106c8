package io.slipway.api.cli;

import io.slipway.engine.bench.SiteGenerator;
import io.slipway.engine.design.DesignLimits;
import io.slipway.engine.design.DesignLoader;
import io.slipway.engine.design.SourceText;
import io.slipway.engine.rules.RuleBook;
import io.slipway.engine.rules.RuleSet;
import io.slipway.engine.validation.DesignValidation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code slipway bench validate}: in-process, warm timings of parse, compile and rules per site size;
 * with {@code --cold}, first whole-process timings of fresh {@code slipway validate} runs.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks.",
        subcommands = {BenchCommand.Validate.class})
final class BenchCommand {

    @Command(
            name = "validate",
            mixinStandardHelpOptions = true,
            description =
                    "Validate generated sites of the given sizes repeatedly in one JVM and report median stage times.")
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RulesOption rules = new RulesOption();

        @Option(
                names = "--nodes",
                split = ",",
                defaultValue = "1000,5000,10000,50000",
                description = "Site sizes (default ${DEFAULT-VALUE}).")
        int[] sizes;

        @Option(
                names = "--mode",
                defaultValue = "EXECUTABLE",
                description = "Rule compile mode: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}).")
        RuleBook.Mode mode;

        @Option(
                names = "--warmup",
                defaultValue = "3",
                description = "Untimed runs per size (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(
                names = "--iterations",
                defaultValue = "5",
                description = "Timed runs per size (default ${DEFAULT-VALUE}).")
        int iterations;

        @Option(
                names = "--cold",
                description =
                        "First run each input as N fresh `slipway validate` processes (whole-process wall and CPU).")
        boolean cold;

        @Option(
                names = "--runs",
                defaultValue = "3",
                description = "Fresh processes per input with --cold (default ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--design", paramLabel = "FILE", description = "With --cold: also time these design files.")
        List<Path> designs = new ArrayList<>();

        @Option(
                names = "--launcher",
                split = " ",
                description = "With --cold: the command to run (default: the slipway script beside the jar).")
        List<String> launcher;

        @Override
        public Integer call() throws IOException, InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            if (cold) {
                coldRuns(out);
            }
            RuleSet ruleSet = rules.validationRules(mode);
            out.printf(
                    "warm, in one JVM: rules %s (%d rules from %s)%n",
                    ruleSet.loading().describe(), ruleSet.ruleCount(), ruleSet.origin());
            DesignValidation validation = new DesignValidation(
                    new DesignLoader(
                            DesignLimits.defaults().withMaxInputBytes(Long.MAX_VALUE / 4),
                            io.slipway.engine.fetch.FetchPolicy.none()),
                    ruleSet);
            out.printf(
                    "%8s %9s %9s %9s %9s %9s  %s%n", "nodes", "MB", "parse ms", "compile", "rules", "total", "result");
            out.flush();
            for (int n : sizes) {
                byte[] bytes = SiteGenerator.generate(n).getBytes(StandardCharsets.UTF_8);
                List<SourceText> input = List.of(new SourceText("generated-" + n + ".yaml", bytes));
                long[][] t = new long[iterations][];
                DesignValidation.Result last = null;
                for (int i = 0; i < warmup + iterations; i++) {
                    last = null;
                    System.gc(); // each timed run starts clean instead of paying for its predecessor's garbage
                    last = validation.validate(input);
                    if (i >= warmup) {
                        DesignValidation.Timings x = last.timings();
                        t[i - warmup] = new long[] {x.parseNanos(), x.compileNanos(), x.rulesNanos()};
                    }
                }
                out.printf(
                        "%8d %9.1f %9.1f %9.1f %9.1f %9.1f  %s (%d errors)%n",
                        n,
                        bytes.length / 1e6,
                        median(t, 0),
                        median(t, 1),
                        median(t, 2),
                        medianTotal(t),
                        last.report().passed() ? "Success" : "Failure",
                        last.report().errorCount());
                out.flush();
            }
            return ExitCodes.OK;
        }

        private void coldRuns(PrintWriter out) throws IOException, InterruptedException {
            Path scratch = Files.createTempDirectory("slipway-bench-");
            try {
                List<Path> inputs = new ArrayList<>(designs);
                for (int n : sizes) {
                    inputs.add(
                            Files.writeString(scratch.resolve("generated-" + n + ".yaml"), SiteGenerator.generate(n)));
                }
                new ColdBench(launcher == null ? ColdBench.defaultLauncher() : launcher, runs, scratch)
                        .run(out, inputs, rules.resolveDir());
            } finally {
                try (Stream<Path> s = Files.walk(scratch)) {
                    s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }

        private static double median(long[][] t, int col) {
            long[] v = Arrays.stream(t).mapToLong(r -> r[col]).sorted().toArray();
            return v[v.length / 2] / 1e6;
        }

        private static double medianTotal(long[][] t) {
            long[] v =
                    Arrays.stream(t).mapToLong(r -> r[0] + r[1] + r[2]).sorted().toArray();
            return v[v.length / 2] / 1e6;
        }
    }
}
