package io.slipway.api.cli;

import io.slipway.engine.rules.RuleBook;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whole-process timings of {@code slipway validate}: N fresh processes per input, each timed from
 * start to exit (wall) with the CPU it used (user + system, read from this process's reaped-children
 * counters in {@code /proc/self/stat}; Linux only, else "n/a"). Each input runs twice over: with the
 * rules as an operator has them (precompiled or cached), and with a changed copy of the rules and an
 * empty cache, which is what the first run after editing a rule file costs.
 */
final class ColdBench {
    private static final Pattern RULES = Pattern.compile("rules (\\w+) in (\\d+) ms, first fire ([\\d.]+) ms");
    private final List<String> launcher;
    private final int runs;
    private final Path scratch;

    ColdBench(List<String> launcher, int runs, Path scratch) {
        this.launcher = launcher;
        this.runs = runs;
        this.scratch = scratch;
    }

    /** The {@code slipway} script beside the running jar, else this JVM running the jar. */
    static List<String> defaultLauncher() {
        try {
            Path jar = Path.of(Main.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path script = jar.resolveSibling("slipway");
            if (Files.isExecutable(script) && Files.isRegularFile(jar)) {
                return List.of(script.toString());
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            return List.of(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    void run(PrintWriter out, List<Path> inputs, Path rulesDir) throws IOException, InterruptedException {
        out.printf("cold: %d fresh process(es) per row: %s validate FILE%n", runs, String.join(" ", launcher));
        out.printf(
                "%-28s %-12s %9s %9s %9s %9s %10s %10s  %s%n",
                "input", "rules", "wall best", "median", "cpu best", "median", "rule load", "first fire", "exit");
        Path edited = editedCopy(rulesDir);
        for (Path input : inputs) {
            row(out, input, List.of(), null);
            row(out, input, List.of("--rules", edited.toString()), "edited");
        }
        out.flush();
    }

    private void row(PrintWriter out, Path input, List<String> extra, String variant)
            throws IOException, InterruptedException {
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        double[] load = new double[runs];
        double[] fire = new double[runs];
        String source = "?";
        int exit = 0;
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>(launcher);
            cmd.addAll(List.of("validate", "--timings"));
            cmd.addAll(extra);
            cmd.add(input.toString());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            if (variant != null) { // a cache of its own, empty: the compile is paid on every run
                pb.environment()
                        .put(
                                "SLIPWAY_CACHE_DIR",
                                Files.createTempDirectory(scratch, "cache").toString());
            }
            long cpu0 = childCpuMillis();
            long t0 = System.nanoTime();
            Process p = pb.start();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            exit = p.waitFor();
            wall[i] = (System.nanoTime() - t0) / 1_000_000;
            cpu[i] = cpu0 < 0 ? -1 : childCpuMillis() - cpu0;
            Matcher m = RULES.matcher(err);
            if (m.find()) {
                source = m.group(1);
                load[i] = Double.parseDouble(m.group(2));
                fire[i] = Double.parseDouble(m.group(3));
            }
        }
        out.printf(
                "%-28s %-12s %7.2f s %7.2f s %9s %9s %7.0f ms %7.0f ms  %d%n",
                input.getFileName(),
                source,
                best(wall) / 1e3,
                median(wall) / 1e3,
                cpu(best(cpu)),
                cpu(median(cpu)),
                median(load),
                median(fire),
                exit);
        out.flush();
    }

    /** A copy of the rules with one comment added, so its cache key matches nothing built or cached. */
    private Path editedCopy(Path rulesDir) throws IOException {
        Path source = rulesDir == null ? RuleBook.bundledDir("validation") : rulesDir.resolve("validation");
        Path copy = Files.createDirectories(scratch.resolve("rules-edited").resolve("validation"));
        try (Stream<Path> files = Files.list(source)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Files.writeString(
                        copy.resolve(f.getFileName().toString()),
                        Files.readString(f) + "\n// edited for the cold bench\n");
            }
        }
        return copy.getParent();
    }

    /** CPU time of the children this process has waited for, in ms; -1 where /proc is missing. */
    static long childCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10; // cutime + cstime, 100 ticks/s
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static String cpu(long ms) {
        return ms < 0 ? "n/a" : String.format("%.2f s", ms / 1e3);
    }

    private static long best(long[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
