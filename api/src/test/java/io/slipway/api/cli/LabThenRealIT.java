package io.slipway.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.api.auth.IssuedToken;
import io.slipway.drivers.ipmi.sim.IpmiSim;
import io.slipway.drivers.ipmi.sim.IpmiSimInstance;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The sequence of issue 10 against a real BMC ({@code ipmi_sim}): a simulated run deploys a node on
 * a data directory, then {@code serve} restarts there with a real configuration (IPMI for the design's
 * BMC, MAAS as bootstrapper). Nothing may power the real BMC on: the node is back to enrolled with
 * unknown power, drift correction skips it, and the BMC is contacted first by a task that verifies it.
 * The chassis-control program of {@code ipmi_sim} logs every power and boot command it receives.
 */
class LabThenRealIT {
    @TempDir
    Path dir;

    @Test
    void aSimulatedRunLeavesNothingThatARealConfigurationActsOn() throws Exception {
        IpmiSim.requireOrSkip();
        try (IpmiSim sim = IpmiSim.start(1)) {
            IpmiSimInstance bmc = sim.get(0);
            assertThat(bmc.power()).as("ipmi_sim starts powered off").isEqualTo("0");

            Server lab = start("--simulate");
            String token = lab.issuedTokens().stream()
                    .filter(t -> t.roles().contains("admin"))
                    .map(IssuedToken::token)
                    .findFirst()
                    .orElseThrow();
            ApiClient api = new ApiClient(lab.url, token);
            JsonNode rev = api.postText("/api/v1.0/designs?name=ipmi-sim", "application/yaml", design(bmc.port()));
            JsonNode task = api.post(
                    "/api/v1.0/tasks",
                    Map.of(
                            "action",
                            "deploy_nodes",
                            "design_ref",
                            rev.path("design_ref").asText()));
            JsonNode done = Progress.follow(api, task.path("task_id").asText(), new PrintWriter(new StringWriter()));
            assertThat(done.path("result").path("status").asText()).isEqualTo("success");
            JsonNode simulated = api.get("/api/v1.0/nodes/node1");
            assertThat(simulated.path("state").asText()).isEqualTo("deployed");
            assertThat(simulated.path("power_state").asText()).isEqualTo("on");
            assertThat(simulated.path("driver_id").asText()).isEqualTo("lab (simulated)");
            lab.stop();
            assertThat(bmc.actions())
                    .as("the simulation never reaches the design's real BMC")
                    .isEmpty();

            Server real;
            try (ServerSocket closed = new ServerSocket(0)) {
                real = start(
                        "--node-driver",
                        "maas",
                        "--node-driver-config",
                        "{\"url\":\"http://127.0.0.1:" + closed.getLocalPort() + "/MAAS\",\"apiKey\":\"a:b:c\"}");
            }
            try {
                api = new ApiClient(real.url, token);
                // The API answers as soon as it listens; the new leader's engine distrusts the stored state while it
                // starts, and is published to the leadership only once started.
                ApiClient fresh = api;
                Server started = real;
                waitFor(
                        () -> started.leadership.engine() != null
                                && "enrolled"
                                        .equals(fresh.get("/api/v1.0/nodes/node1")
                                                .path("state")
                                                .asText()),
                        60);
                assertThat(bmc.actions())
                        .as("nothing reached the BMC while the engine started")
                        .isEmpty();
                JsonNode node = api.get("/api/v1.0/nodes/node1");
                assertThat(node.path("state").asText()).isEqualTo("enrolled");
                assertThat(node.path("power_state").asText()).isEqualTo("unknown");
                assertThat(node.path("driver_id").asText()).startsWith("maas@http://127.0.0.1:");
                assertThat(api.get("/api/v1.0/nodes/node1/timeline").toString())
                        .contains("was observed through lab (simulated)");

                for (int tick = 0; tick < 3; tick++) {
                    int observed = Runtime.await(real.leadership.engine().reconcile(), 30, "a reconcile tick");
                    assertThat(observed)
                            .as("drift correction reads no node it did not deploy")
                            .isZero();
                }
                Thread.sleep(2_000);
                assertThat(bmc.actions())
                        .as("no power or boot command before a task verifies the node")
                        .isEmpty();
                assertThat(bmc.power()).isEqualTo("0");

                api.post(
                        "/api/v1.0/tasks",
                        Map.of(
                                "action",
                                "verify_nodes",
                                "design_ref",
                                rev.path("design_ref").asText()));
                ApiClient client = api;
                waitFor(
                        () -> client.get("/api/v1.0/nodes/node1/timeline")
                                .toString()
                                .contains("validate_oob: BMC reachable"),
                        120);
                assertThat(bmc.actions())
                        .as("verifying reads the BMC and changes nothing")
                        .isEmpty();
            } finally {
                real.stop();
            }
        }
    }

    private Server start(String... driverArgs) throws Exception {
        int clusterPort;
        try (ServerSocket s = new ServerSocket(0)) {
            clusterPort = s.getLocalPort();
        }
        String[] base = {
            "serve",
            "--data-dir",
            dir.toString(),
            "--port",
            "0",
            "--bind",
            "127.0.0.1",
            "--cluster-port",
            Integer.toString(clusterPort),
            "--auth-config",
            "{}"
        };
        String[] args = java.util.stream.Stream.concat(
                        java.util.Arrays.stream(base), java.util.Arrays.stream(driverArgs))
                .toArray(String[]::new);
        CommandLine cli = Main.commandLine();
        cli.parseArgs(args);
        ServerOptions options =
                ((ServeCommand) cli.getSubcommands().get("serve").getCommand()).options;
        return Server.start(options, Map.of());
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + seconds + " s");
            }
            Thread.sleep(200);
        }
    }

    static String design(int bmcPort) {
        return """
        ---
        schema: drydock/Region/v1
        metadata: {name: ipmi-sim}
        data: {}
        ---
        schema: drydock/NetworkLink/v1
        metadata: {name: pxe}
        data:
          trunking: {mode: disabled, default_network: pxe}
          allowed_networks: [pxe]
        ---
        schema: drydock/NetworkLink/v1
        metadata: {name: oob}
        data:
          trunking: {mode: disabled, default_network: oob}
          allowed_networks: [oob]
        ---
        schema: drydock/Network/v1
        metadata: {name: pxe}
        data:
          cidr: 10.0.0.0/24
          ranges: [{type: static, start: 10.0.0.10, end: 10.0.0.200}]
        ---
        schema: drydock/Network/v1
        metadata: {name: oob}
        data:
          cidr: 127.0.0.0/24
          ranges: [{type: static, start: 127.0.0.1, end: 127.0.0.1}]
        ---
        schema: drydock/HardwareProfile/v1
        metadata: {name: hw}
        data:
          cpu_sets: {pinned: '2-7'}
        ---
        schema: drydock/HostProfile/v1
        metadata: {name: base}
        data:
          hardware_profile: hw
          primary_network: pxe
          oob: {type: ipmi, network: oob, account: admin, credential: password}
          storage:
            physical_devices:
              sda:
                partitions:
                  - {name: root, size: 30g, filesystem: {mountpoint: /}}
          interfaces:
            eth0: {device_link: pxe, slaves: [eno1], networks: [pxe]}
        ---
        schema: drydock/BaremetalNode/v1
        metadata: {name: node1}
        data:
          host_profile: base
          oob: {port: "PORT"}
          addressing:
            - {network: pxe, address: 10.0.0.11}
            - {network: oob, address: 127.0.0.1}
          metadata: {boot_mac: '52:54:00:00:01:01'}
        """.replace("PORT", Integer.toString(bmcPort));
    }
}
