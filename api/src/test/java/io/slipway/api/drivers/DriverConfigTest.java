package io.slipway.api.drivers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverKind;
import io.slipway.drivers.spi.DriverRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriverConfigTest {
    static final DriverRegistry REGISTRY = DriverRegistry.load();
    static final JsonObject MAAS =
            new JsonObject().put("url", "http://127.0.0.1:5240/MAAS").put("apiKey", "a:b:c");

    static List<String> problems(JsonObject file, Map<String, String> env, String nodeDriver, boolean simulate) {
        var read = DriversConfigSource.read(file, env, nodeDriver, null, simulate);
        List<String> all = new java.util.ArrayList<>(read.problems());
        all.addAll(new DriverChecks(REGISTRY).problems(read.config()));
        return all;
    }

    @Test
    void withoutANodeDriverNetbootIsChosenAndTheStartIsRefusedNamingItsSettings() {
        assertThat(problems(null, Map.of(), null, false))
                .containsExactly(
                        "drivers.node.netboot.baseUrl: required",
                        "drivers.node.netboot.artefactsDir: required",
                        "drivers.node.netboot.imagesDir: required",
                        "drivers.node.type: not set, so the standard bootstrapper netboot is used: give its settings"
                                + " (config file, SLIPWAY_DRIVERS_NODE_* or --node-driver-config), choose another with"
                                + " --node-driver (installed: [maas, netboot]), or try Slipway on simulated hardware"
                                + " with serve --simulate");
    }

    @Test
    void unknownTypesAndKindsAreNamedWithTheInstalledOnes() {
        JsonObject file = new JsonObject()
                .put("node", new JsonObject().put("type", "mass"))
                .put("oob", new JsonObject().put("ipmii", new JsonObject()))
                .put("storage", new JsonObject());
        assertThat(problems(file, Map.of(), null, false))
                .containsExactly(
                        "drivers.storage: unknown driver kind; kinds: [oob, node, network, kubernetes]",
                        "drivers.node.type: no node driver of type mass is installed; installed: [lab, maas, netboot]",
                        "drivers.oob.ipmii: no oob driver of type ipmii is installed; installed: [ipmi, lab, manual, redfish]");
    }

    @Test
    void simulatorsRunOnlyWhenSimulating() {
        assertThat(problems(null, Map.of(), "lab", false))
                .singleElement()
                .asString()
                .isEqualTo("drivers.node.type: lab is a simulator; it runs only in demo or with serve --simulate"
                        + " (real node drivers: [maas, netboot])");
        JsonObject labBmcs = new JsonObject()
                .put("node", new JsonObject().put("type", "maas").put("maas", MAAS))
                .put("oob", new JsonObject().put("lab", new JsonObject()));
        assertThat(problems(labBmcs, Map.of(), null, false))
                .singleElement()
                .asString()
                .startsWith("drivers.oob.lab: lab is a simulator");
        assertThat(problems(null, Map.of(), null, true)).isEmpty();
    }

    @Test
    void environmentVariablesSetKeysByPathAndTheShorthandWins() {
        Map<String, String> env = Map.of(
                "SLIPWAY_DRIVERS_NODE_TYPE",
                "maas",
                "SLIPWAY_DRIVERS_NODE_MAAS_URL",
                "http://127.0.0.1:5240/MAAS",
                "SLIPWAY_DRIVERS_NODE_MAAS_API_KEY",
                "a:b:c",
                "SLIPWAY_DRIVERS_OOB_IPMI_ATTEMPT_TIMEOUT_MS",
                "250",
                "SLIPWAY_DRIVERS_KUBERNETES_TRUST_ALL",
                "true",
                "PATH",
                "/usr/bin");
        var read = DriversConfigSource.read(
                new JsonObject().put("node", new JsonObject().put("type", "lab")), env, null, null, false);
        assertThat(read.problems()).isEmpty();
        DriversConfig c = read.config();
        assertThat(c.type(DriverKind.NODE)).isEqualTo("maas");
        assertThat(c.settings(DriverKind.NODE, "maas")).isEqualTo(MAAS);
        assertThat(c.settings(DriverKind.OOB, "ipmi").getValue("attemptTimeoutMs"))
                .isEqualTo(250L);
        assertThat(c.settings(DriverKind.KUBERNETES, null).getValue("trustAll")).isEqualTo(true);
        var shorthand = DriversConfigSource.read(null, env, "maas", "{\"url\":\"http://10.0.0.1:5240/MAAS\"}", false);
        assertThat(shorthand.config().settings(DriverKind.NODE, "maas").getString("url"))
                .isEqualTo("http://10.0.0.1:5240/MAAS");
        assertThat(DriversConfigSource.read(null, Map.of("SLIPWAY_DRIVERS_DISK_X", "1"), null, null, false)
                        .problems())
                .containsExactly(
                        "SLIPWAY_DRIVERS_DISK_X: unknown driver kind disk; kinds: [oob, node, network, kubernetes]");
    }

    @Test
    void missingSettingsAreAllReportedAtOnce() {
        JsonObject file = new JsonObject()
                .put(
                        "node",
                        new JsonObject().put("type", "maas").put("maas", new JsonObject().put("pollIntervalMs", -1)))
                .put("oob", new JsonObject().put("redfish", new JsonObject().put("auth", "digest")));
        assertThat(problems(file, Map.of(), null, false))
                .containsExactly(
                        "drivers.node.maas.url: required",
                        "drivers.node.maas.apiKey: required",
                        "drivers.node.maas.pollIntervalMs: must be a whole number above 0, not -1",
                        "drivers.oob.redfish.auth: must be one of [basic, session], not digest");
    }

    @Test
    void kubernetesOutsideTheClusterNeedsItsThreeSettingsAndReadableFiles(@TempDir Path dir) throws Exception {
        JsonObject file = new JsonObject()
                .put("node", new JsonObject().put("type", "maas").put("maas", MAAS));
        file.put("kubernetes", new JsonObject().put("apiServer", "https://127.0.0.1:6443"));
        assertThat(problems(file, Map.of(), null, false))
                .containsExactly(
                        "drivers.kubernetes.tokenFile: required when apiServer is set (the in-cluster token goes with the in-cluster API)");
        Path token = Files.writeString(dir.resolve("token"), "t");
        file.getJsonObject("kubernetes")
                .put("tokenFile", token.toString())
                .put("caPem", dir.resolve("none.crt").toString());
        assertThat(problems(file, Map.of(), null, false))
                .singleElement()
                .asString()
                .startsWith("drivers.kubernetes.caPem: " + dir.resolve("none.crt") + " is not readable");
        if (!Files.exists(Path.of("/var/run/secrets/kubernetes.io/serviceaccount/token"))) {
            file.put("kubernetes", new JsonObject());
            assertThat(problems(file, Map.of(), null, false))
                    .first()
                    .asString()
                    .startsWith(
                            "drivers.kubernetes.tokenFile: /var/run/secrets/kubernetes.io/serviceaccount/token is not readable");
        }
    }

    @Test
    void theWiringRefusesEveryProblemAtOnceAndDescribesWhatRuns() {
        assertThatThrownBy(() ->
                        DriverWiring.checked(DriversConfigSource.read(null, Map.of(), "maas", null, false), REGISTRY))
                .hasMessageContaining("drivers.node.maas.url: required")
                .hasMessageContaining("drivers.node.maas.apiKey: required");
        DriverWiring sim = DriverWiring.checked(DriversConfigSource.read(null, Map.of(), null, null, true), REGISTRY);
        assertThat(sim.describe().getBoolean("simulated")).isTrue();
        assertThat(sim.banner()).startsWith("SIMULATED:");
        DriverWiring real = DriverWiring.checked(
                DriversConfigSource.read(
                        new JsonObject()
                                .put(
                                        "node",
                                        new JsonObject().put("type", "maas").put("maas", MAAS)),
                        Map.of(),
                        null,
                        null,
                        false),
                REGISTRY);
        assertThat(real.describe().getBoolean("simulated")).isFalse();
        assertThat(real.provenance().id()).isEqualTo("maas@http://127.0.0.1:5240/MAAS");
        assertThat(real.provenance().fingerprint())
                .isNotEqualTo(sim.provenance().fingerprint());
        DriverWiring rotated = DriverWiring.checked(
                DriversConfigSource.read(
                        new JsonObject()
                                .put(
                                        "node",
                                        new JsonObject()
                                                .put("type", "maas")
                                                .put(
                                                        "maas",
                                                        MAAS.copy()
                                                                .put("apiKey", "x:y:z")
                                                                .put("pollIntervalMs", 5000))),
                        Map.of(),
                        null,
                        null,
                        false),
                REGISTRY);
        assertThat(rotated.provenance())
                .as("a new key or tuning value is the same driver")
                .isEqualTo(real.provenance());
        Vertx vertx = Vertx.vertx();
        try {
            var set = real.build(DriverContext.of(vertx));
            assertThat(set.node().type()).isEqualTo("maas");
            assertThat(set.hasNetwork()).isFalse();
            assertThat(set.oobTypeFor("ipmi")).isEqualTo("ipmi");
            assertThat(sim.build(DriverContext.of(vertx)).oobTypeFor("ipmi")).isEqualTo("lab");
        } finally {
            vertx.close();
        }
    }
}
