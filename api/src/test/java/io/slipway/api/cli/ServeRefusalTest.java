package io.slipway.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} refuses a driver configuration it cannot use before it opens a database or a cluster. */
class ServeRefusalTest {
    @TempDir
    Path dir;

    @Test
    void withoutANodeDriverServeStopsAtOnceNamingTheSetting() throws Exception {
        Path data = dir.resolve("data");
        CliRun run = CliRun.of("serve", "--data-dir", data.toString(), "--port", "0");
        assertThat(run.exit()).isEqualTo(2);
        String fallback = io.slipway.api.drivers.DriversConfig.standardType(io.slipway.drivers.spi.DriverKind.NODE);
        if (fallback == null) {
            assertThat(run.err())
                    .contains(
                            "drivers.node.type: required", "--node-driver", "SLIPWAY_DRIVERS_NODE_TYPE", "--simulate");
        } else {
            assertThat(run.err())
                    .as("the default node driver names the settings it lacks")
                    .containsPattern("drivers\\.node\\." + fallback + "\\.\\w+: required")
                    .contains("--node-driver", "--simulate");
        }
        assertThat(Files.exists(data.resolve("pgdata")))
                .as("no database was started")
                .isFalse();
    }

    @Test
    void aSimulatorIsRefusedWithoutSimulateAndEveryMissingSettingIsNamed() throws Exception {
        CliRun lab = CliRun.of("serve", "--data-dir", dir.toString(), "--node-driver", "lab");
        assertThat(lab.exit()).isEqualTo(2);
        assertThat(lab.err())
                .contains("drivers.node.type: lab is a simulator; it runs only in demo or with serve --simulate");
        Path config = Files.writeString(dir.resolve("slipway.yaml"), """
        drivers:
          node: {type: maas, maas: {url: "maas.example:5240"}}
          oob: {ipmii: {}}
        """);
        CliRun maas = CliRun.of("serve", "--config", config.toString(), "--data-dir", dir.toString());
        assertThat(maas.exit()).isEqualTo(2);
        assertThat(maas.err())
                .contains(
                        "drivers.node.maas.url: must be an http:// or https:// URL, not maas.example:5240",
                        "drivers.node.maas.apiKey: required",
                        "drivers.oob.ipmii: no oob driver of type ipmii is installed; installed: [ipmi, lab, manual, redfish]");
    }
}
