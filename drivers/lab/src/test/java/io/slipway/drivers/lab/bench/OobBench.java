package io.slipway.drivers.lab.bench;

import io.slipway.drivers.ipmi.IpmiOobDriverProvider;
import io.slipway.drivers.ipmi.sim.IpmiSim;
import io.slipway.drivers.ipmi.sim.IpmiSimInstance;
import io.slipway.drivers.lab.bmc.LabBmcConfig;
import io.slipway.drivers.lab.bmc.LabBmcFleet;
import io.slipway.drivers.spi.Credentials;
import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.OobDriver;
import io.slipway.drivers.spi.OobTarget;
import io.slipway.drivers.spi.PowerState;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Power status of many BMCs at once with the Slipway IPMI client: N in-JVM lab BMCs, then M {@code
 * ipmi_sim} processes, then a serial {@code ipmitool -I lanplus -C 3} loop over the same M for
 * comparison. Every Slipway round opens fresh sessions (a new driver), as ipmitool does.
 *
 * <p>Run: {@code mvn -B -q -f drivers/pom.xml -pl lab -am test-compile exec:java} (arguments:
 * {@code -Dexec.args="1000 50"}).
 */
public final class OobBench {

    private static final JsonObject CONFIG = new JsonObject()
            .put("cipherSuite", "3")
            .put("attemptTimeoutMs", 1000)
            .put("retries", 3);

    private OobBench() {}

    public static void main(String[] args) throws Exception {
        int labCount = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int simCount = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Vertx vertx = Vertx.vertx();
        try {
            benchLab(vertx, labCount);
            if (IpmiSim.available()) {
                benchIpmiSim(vertx, simCount);
            } else {
                System.out.println(
                        "ipmi_sim not installed (Debian package openipmi): skipping the ipmi_sim comparison");
            }
        } finally {
            join(vertx.close());
        }
    }

    private static void benchLab(Vertx vertx, int count) {
        long t0 = System.nanoTime();
        LabBmcFleet fleet =
                join(LabBmcFleet.start(vertx, count, i -> LabBmcConfig.defaults(String.format("SN%05d", i))));
        System.out.printf("started %d lab BMCs on loopback in %d ms%n", count, ms(t0));
        List<OobTarget> targets = fleet.bmcs().stream()
                .map(b -> OobTarget.of(b.host(), b.port(), Credentials.of("admin", "password")))
                .toList();
        statusOfAll(vertx, targets.subList(0, Math.min(50, count))); // JIT warm-up, not measured
        for (int round = 1; round <= 3; round++) {
            long t = System.nanoTime();
            int on = statusOfAll(vertx, targets);
            System.out.printf(
                    "slipway: power status of %d lab BMCs (new sessions) in %d ms (round %d, %d answered)%n",
                    count, ms(t), round, on);
        }
        join(fleet.stop());
    }

    private static void benchIpmiSim(Vertx vertx, int count) throws Exception {
        long t0 = System.nanoTime();
        try (IpmiSim sim = IpmiSim.start(count)) {
            System.out.printf("started %d ipmi_sim processes in %d ms%n", count, ms(t0));
            List<OobTarget> targets = sim.instances().stream()
                    .map(i -> OobTarget.of("127.0.0.1", i.port(), Credentials.of(IpmiSim.USER, IpmiSim.PASSWORD)))
                    .toList();
            long best = Long.MAX_VALUE;
            for (int round = 1; round <= 3; round++) {
                long t = System.nanoTime();
                int answered = statusOfAll(vertx, targets);
                long took = ms(t);
                best = Math.min(best, took);
                System.out.printf(
                        "slipway: power status of %d ipmi_sim BMCs (new sessions) in %d ms (round %d, %d"
                                + " answered)%n",
                        count, took, round, answered);
            }
            long t = System.nanoTime();
            int ok = 0;
            for (IpmiSimInstance i : sim.instances()) {
                ok += ipmitoolStatus(i.port()) ? 1 : 0;
            }
            long serial = ms(t);
            System.out.printf(
                    "ipmitool -I lanplus -C 3, serial loop over the same %d: %d ms (%d answered)%n", count, serial, ok);
            System.out.printf(
                    "ratio serial ipmitool / slipway (best round): %.1fx%n", (double) serial / Math.max(1, best));
        }
    }

    /** Power status of every target with a new driver (so every BMC gets a new session). */
    private static int statusOfAll(Vertx vertx, List<OobTarget> targets) {
        OobDriver driver = new IpmiOobDriverProvider().create(DriverContext.of(vertx), CONFIG);
        try {
            List<Future<PowerState>> all = targets.stream()
                    .map(t -> driver.powerState(t).otherwise((PowerState) null))
                    .toList();
            return (int) join(Future.all(all)).list().stream()
                    .filter(java.util.Objects::nonNull)
                    .count();
        } finally {
            join(driver.close());
        }
    }

    private static boolean ipmitoolStatus(int port) throws Exception {
        Process p = new ProcessBuilder(
                        "ipmitool",
                        "-I",
                        "lanplus",
                        "-C",
                        "3",
                        "-H",
                        "127.0.0.1",
                        "-p",
                        Integer.toString(port),
                        "-U",
                        IpmiSim.USER,
                        "-P",
                        IpmiSim.PASSWORD,
                        "power",
                        "status")
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor(10, TimeUnit.SECONDS);
        return out.contains("Chassis Power is");
    }

    private static <T> T join(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
