package io.slipway.api.netboot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where the host's CPU went during a bench run: all cores busy (from {@code /proc/stat}), the VMs
 * (each qemu run's user+system seconds, logged by the chassis script through GNU time), the serve
 * JVM, and this test JVM's child processes (the embedded Postgres). Linux only.
 */
final class CpuMeter {
    private static final double TICKS = 100.0;
    private final double hostStart;
    private final double serveStart;
    private final double childrenStart;
    private final double selfStart;
    private final double simStart;
    private final ServeProcess serve;

    CpuMeter(ServeProcess serve) throws IOException {
        this.serve = serve;
        this.hostStart = hostBusySeconds();
        this.serveStart = serve.cpuSeconds();
        this.childrenStart = childrenSeconds("postgres");
        this.selfStart = selfSeconds();
        this.simStart = childrenSeconds("ipmi_sim");
    }

    private static double selfSeconds() {
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(d -> d.toMillis() / 1000.0)
                .orElse(0.0);
    }

    /** One line: host busy, qemu, serve, postgres and the rest, in CPU seconds. */
    String report(List<VmNode> nodes) throws IOException {
        double host = hostBusySeconds() - hostStart;
        double qemu = 0;
        for (VmNode n : nodes) {
            Path log = n.dir.resolve("cpu.log");
            if (Files.exists(log)) {
                for (String line : Files.readAllLines(log)) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length == 2 && f[0].matches("[0-9.]+")) {
                        qemu += Double.parseDouble(f[0]) + Double.parseDouble(f[1]);
                    }
                }
            }
        }
        double serveCpu = serve.cpuSeconds() - serveStart;
        double pg = childrenSeconds("postgres") - childrenStart;
        double self = selfSeconds() - selfStart;
        double sims = childrenSeconds("ipmi_sim") - simStart;
        return String.format(
                "CPU seconds: host busy %.1f = qemu %.1f (%.1f per VM) + serve JVM %.1f + postgres %.1f"
                        + " + ipmi_sim %.1f + test JVM %.1f + rest %.1f%n",
                host, qemu, qemu / nodes.size(), serveCpu, pg, sims, self, host - qemu - serveCpu - pg - sims - self);
    }

    /** User, nice, system, irq, softirq and steal of all cores, in seconds. */
    static double hostBusySeconds() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long busy = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            busy += Long.parseLong(f[i]);
        }
        return busy / TICKS;
    }

    /** CPU seconds of this JVM's live descendants whose command names {@code what}. */
    private double childrenSeconds(String what) {
        long serveJvm = serve.pid();
        return ProcessHandle.current()
                        .descendants()
                        .filter(p -> p.pid() != serveJvm)
                        .filter(p -> p.info()
                                .command()
                                .map(c -> c.contains("postgres"))
                                .orElse(false))
                        .mapToLong(p -> p.info()
                                .totalCpuDuration()
                                .map(Duration::toMillis)
                                .orElse(0L))
                        .sum()
                / 1000.0;
    }
}
