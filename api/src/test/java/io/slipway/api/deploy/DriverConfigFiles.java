package io.slipway.api.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.slipway.api.drivers.DriverChecks;
import io.slipway.api.drivers.DriversConfigSource;
import io.slipway.drivers.spi.DriverRegistry;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What {@code serve} would say about the driver part of a shipped configuration, with the installed drivers. */
final class DriverConfigFiles {
    private DriverConfigFiles() {}

    /**
     * The start problems of {@code config} (a parsed {@code slipway.yaml}) and, when given, the
     * {@code --node-driver-config} JSON. The in-cluster Kubernetes files are not looked at here.
     */
    static List<String> problems(JsonNode config, String nodeDriverConfig) {
        JsonObject drivers =
                config.has("drivers") ? new JsonObject(config.path("drivers").toString()) : null;
        if (drivers != null) {
            drivers.remove("kubernetes");
        }
        String nodeDriver =
                config.has("node-driver") ? config.path("node-driver").asText() : null;
        var read = DriversConfigSource.read(drivers, Map.of(), nodeDriver, nodeDriverConfig, false);
        List<String> problems = new ArrayList<>(read.problems());
        problems.addAll(new DriverChecks(DriverRegistry.load()).problems(read.config()));
        return problems;
    }
}
