package io.slipway.api.netboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.slipway.store.testing.PostgresExtension;
import io.slipway.store.testing.TestDatabase;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code mvn -B -pl api -am verify -Pnetboot-bench -Dnetboot.bench.vms=10}: N VMs from their first
 * power-on to the last {@code deployed}, with the per-phase breakdown (power-on -> agent, inventory,
 * image write, installed -> disk power-on, disk boot -> booted). Skipped unless the profile sets
 * {@code netboot.bench.vms}. Not a pass/fail timing test: it prints the numbers.
 */
@ExtendWith(PostgresExtension.class)
class NetbootBenchIT {

    @Test
    void deployNVms(TestDatabase db) throws Exception {
        int vms = Integer.getInteger("netboot.bench.vms", 0);
        Assumptions.assumeTrue(vms > 0, "the bench runs with -Pnetboot-bench -Dnetboot.bench.vms=N");
        NetbootTools.requireOrSkip();
        try (NetbootScenario site = NetbootScenario.start("bench-" + vms, vms, db, new JsonObject(), false, true)) {
            for (String action : List.of("verify_site", "prepare_site", "verify_nodes")) {
                site.task(action, null, site.stepSeconds(60));
            }
            // the first power-on (PXE, for inspection) comes with prepare_nodes: the clock watches from there
            try (PhaseClock clock = new PhaseClock(site.lab.nodes)) {
                CpuMeter cpu = new CpuMeter(site.serve);
                site.task("prepare_nodes", null, site.stepSeconds(120));
                JsonObject deploy = site.task("deploy_nodes", null, site.stepSeconds(240));
                double end = System.currentTimeMillis() / 1000.0;
                assertThat(deploy.getJsonObject("result").getString("status"))
                        .as(site.explainTask(deploy))
                        .isEqualTo("success");
                Thread.sleep(500);
                report(vms, clock.phases(), end);
                System.out.print(cpu.report(site.lab.nodes));
            }
        }
    }

    private static void report(int vms, List<double[]> phases, double end) {
        double first = phases.stream().mapToDouble(p -> p[5]).min().orElse(Double.NaN);
        double lastBooted = phases.stream().mapToDouble(p -> p[6]).max().orElse(Double.NaN);
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                "netboot bench: %d VMs, first power-on -> last deployed %.1f s (last booted call seen at %.1f s)%n",
                vms, end - first, lastBooted - first));
        String[] names = {
            "power-on -> agent", "inventory", "image write + seed", "installed -> disk power-on", "disk boot -> booted"
        };
        b.append(String.format("%-28s %8s %8s %8s%n", "phase (s)", "min", "median", "max"));
        for (int i = 0; i < names.length; i++) {
            int k = i;
            double[] v = phases.stream().mapToDouble(p -> p[k]).sorted().toArray();
            b.append(String.format("%-28s %8.1f %8.1f %8.1f%n", names[i], v[0], v[v.length / 2], v[v.length - 1]));
        }
        System.out.print(b);
    }
}
