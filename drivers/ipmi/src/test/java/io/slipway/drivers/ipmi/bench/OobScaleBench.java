package io.slipway.drivers.ipmi.bench;

import io.slipway.drivers.ipmi.IpmiOobDriver;
import io.slipway.drivers.ipmi.client.IpmiClient;
import io.slipway.drivers.ipmi.client.IpmiClientOptions;
import io.slipway.drivers.ipmi.sim.IpmiSim;
import io.slipway.drivers.ipmi.sim.IpmiSimInstance;
import io.slipway.drivers.spi.BootDevice;
import io.slipway.drivers.spi.BootOptions;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerAction;
import io.slipway.drivers.spi.PowerPoller;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Out-of-band control at scale against N real OpenIPMI {@code ipmi_sim} processes on loopback,
 * with the {@code ipmi} driver's default settings (what {@code serve} uses), and pyghmi (64
 * threads) beside it when {@code python3-pyghmi} is installed. Each size starts with a JIT warm-up
 * on a throw-away client, so "new sessions" means new BMC sessions, not a cold JVM.
 *
 * <p>Run: {@code mvn -B -q -f drivers/pom.xml -pl ipmi -am -Pbench-oob test-compile exec:java
 * -Dexec.args="--ipmi-sim 50,200,500"}. Arguments: {@code --ipmi-sim N[,N...]}, {@code
 * --no-pyghmi}, {@code --rounds R} (repeats of each measurement).
 */
public final class OobScaleBench {

    private OobScaleBench() {}

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = List.of(50);
        boolean pyghmi = PyghmiRun.available();
        int rounds = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--ipmi-sim" ->
                    sizes = List.of(args[++i].split(",")).stream()
                            .map(Integer::valueOf)
                            .toList();
                case "--no-pyghmi" -> pyghmi = false;
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        IpmiSim.requireOrSkip();
        System.out.printf(
                "OOB scale bench: %d cores, ipmi_sim BMCs on 127.0.0.1, driver defaults%n",
                Runtime.getRuntime().availableProcessors());
        for (int n : sizes) {
            long t0 = System.nanoTime();
            try (IpmiSim sim = IpmiSim.start(n)) {
                System.out.printf(
                        "%nN = %d (%d ipmi_sim processes started in %.1f s)%n", n, n, (System.nanoTime() - t0) / 1e9);
                warmUp(sim);
                for (int r = 0; r < rounds; r++) {
                    slipway(sim);
                    if (pyghmi) {
                        pyghmi(sim);
                    }
                }
            }
        }
        System.exit(0);
    }

    /**
     * JIT warm-up, as a long-running {@code serve} has it: a throw-away client reads the first 50
     * BMCs twice and closes its sessions; the measured rounds then start with a fresh client.
     */
    private static void warmUp(IpmiSim sim) throws Exception {
        Vertx vertx = Vertx.vertx();
        IpmiClient client = IpmiClient.create(vertx, IpmiClientOptions.defaults());
        OobDriver driver = new IpmiOobDriver(client, new PowerPoller(vertx, 500, 30_000), "auto");
        List<OobTarget> some =
                sim.instances().stream().limit(50).map(OobScaleBench::target).toList();
        for (int i = 0; i < 2; i++) {
            Future.join(some.stream().map(t -> (Future<?>) driver.powerState(t)).toList())
                    .toCompletionStage()
                    .toCompletableFuture()
                    .handle((v, e) -> null)
                    .get();
        }
        driver.close().toCompletionStage().toCompletableFuture().get();
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private static void slipway(IpmiSim sim) throws Exception {
        Vertx vertx = Vertx.vertx();
        // what IpmiOobDriverProvider builds from an empty configuration, kept to read the window
        IpmiClient client = IpmiClient.create(vertx, IpmiClientOptions.defaults());
        OobDriver driver = new IpmiOobDriver(client, new PowerPoller(vertx, 500, 30_000), "auto");
        String window = " (window now %d)";
        try {
            reset(sim);
            List<OobTarget> targets =
                    sim.instances().stream().map(OobScaleBench::target).toList();
            report(
                    "slipway",
                    "power status, new sessions",
                    sim,
                    measure(sim, targets, t -> driver.powerState(t)),
                    window.formatted(window(client)));
            report(
                    "slipway",
                    "power status, sessions reused",
                    sim,
                    measure(sim, targets, t -> driver.powerState(t)),
                    window.formatted(window(client)));
            reset(sim);
            Result p = measure(
                    sim,
                    targets,
                    t -> driver.setBootDevice(t, BootOptions.onceKeepingMode(BootDevice.PXE))
                            .compose(v -> driver.setPower(t, PowerAction.ON)));
            report(
                    "slipway",
                    "provision (PXE + on + confirm)",
                    sim,
                    p,
                    window.formatted(window(client)) + executions(sim));
        } finally {
            driver.close().toCompletionStage().toCompletableFuture().get();
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    private static int window(IpmiClient client) throws Exception {
        return client.window().toCompletionStage().toCompletableFuture().get();
    }

    private static void pyghmi(IpmiSim sim) throws Exception {
        reset(sim);
        report("pyghmi", "power status, 64 threads", sim, PyghmiRun.run("status", sim, 120), "");
        reset(sim);
        Result p = PyghmiRun.run("provision", sim, 60);
        report("pyghmi", "provision (bootdev network + on, wait)", sim, p, executions(sim));
    }

    /** Runs {@code op} on every target at once; the driver paces what reaches the wire. */
    private static Result measure(IpmiSim sim, List<OobTarget> targets, Function<OobTarget, Future<?>> op)
            throws Exception {
        long simCpu = simCpu(sim);
        long cpu = processCpuNs();
        long start = System.nanoTime();
        List<Future<?>> calls = new ArrayList<>();
        targets.forEach(t -> calls.add(op.apply(t)));
        Future.join(calls)
                .toCompletionStage()
                .toCompletableFuture()
                .handle((v, e) -> null)
                .get();
        double wall = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> errors = new TreeMap<>();
        int ok = 0;
        for (Future<?> f : calls) {
            if (f.succeeded()) {
                ok++;
            } else {
                String m = String.valueOf(f.cause().getMessage()).replaceAll("[0-9.]+:[0-9]+", "BMC");
                errors.merge(m.length() > 90 ? m.substring(0, 90) : m, 1, Integer::sum);
            }
        }
        return new Result(
                ok, targets.size(), wall, (processCpuNs() - cpu) / 1e9, (simCpu(sim) - simCpu) / 100.0, errors);
    }

    record Result(int ok, int total, double wallS, double clientCpuS, double simCpuS, Map<String, Integer> errors) {}

    private static void report(String client, String what, IpmiSim sim, Result r, String extra) {
        System.out.printf(
                "  %-8s %-40s %4d/%-4d wall %6.2f s  cpu client %6.2f s, ipmi_sims %6.2f s%s%n",
                client, what, r.ok(), r.total(), r.wallS(), r.clientCpuS(), r.simCpuS(), extra);
        r.errors().forEach((m, c) -> System.out.printf("           %5d x %s%n", c, m));
    }

    /** Executions per command as the BMCs' chassis-control programs logged them, and power. */
    static String executions(IpmiSim sim) throws Exception {
        Map<String, Map<Integer, Integer>> perCommand = new TreeMap<>();
        int on = 0;
        for (IpmiSimInstance i : sim.instances()) {
            Map<String, Integer> counts = new TreeMap<>(Map.of("set boot pxe", 0, "set power 1", 0));
            i.actions().forEach(a -> counts.merge(a, 1, Integer::sum));
            counts.forEach((cmd, c) ->
                    perCommand.computeIfAbsent(cmd, k -> new TreeMap<>()).merge(c, 1, Integer::sum));
            on += "1".equals(i.power()) ? 1 : 0;
        }
        StringBuilder out = new StringBuilder(String.format(
                "%n           confirmed on (BMC state): %d/%d",
                on, sim.instances().size()));
        perCommand.forEach((cmd, hist) ->
                out.append(String.format("%n           executions of \"%s\" per node: %s", cmd, histogram(hist))));
        return out.toString();
    }

    private static String histogram(Map<Integer, Integer> hist) {
        StringBuilder b = new StringBuilder();
        hist.forEach((times, nodes) -> b.append(b.isEmpty() ? "" : ", ")
                .append(times)
                .append("x on ")
                .append(nodes)
                .append(nodes == 1 ? " node" : " nodes"));
        return b.toString();
    }

    static void reset(IpmiSim sim) throws Exception {
        for (IpmiSimInstance i : sim.instances()) {
            i.reset();
        }
    }

    private static OobTarget target(IpmiSimInstance i) {
        return OobTarget.of("127.0.0.1", i.port(), Credentials.of(IpmiSim.USER, IpmiSim.PASSWORD));
    }

    private static long simCpu(IpmiSim sim) {
        return sim.instances().stream().mapToLong(IpmiSimInstance::cpuTicks).sum();
    }

    private static long processCpuNs() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
