package io.slipway.drivers.lab.node;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverSettings;
import io.slipway.drivers.spi.node.NodeDriver;
import io.slipway.drivers.spi.node.NodeDriverProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Provides the simulated {@code lab} node driver. Keys ({@code drivers.node.lab}): {@code
 * commissionMs} (20), {@code deployMs} (50), {@code releaseMs} (20), {@code eraseMs} (20), {@code
 * stepTimeoutMs} (60000), {@code requirePower} (false), {@code images} (image → kernels), and
 * {@code faults}: per node, e.g. {@code {"node-3": {"fail": {"deploy": 2}, "hang": ["commission"],
 * "delayMs": 100}}}. A simulator: only {@code demo} and {@code --simulate} use it.
 */
public final class LabNodeDriverProvider implements NodeDriverProvider {

    @Override
    public String type() {
        return LabNodeDriver.TYPE;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public List<String> check(JsonObject settings) {
        DriverSettings s = DriverSettings.of(this, settings)
                .bool("requirePower")
                .bool("adoptUnknown")
                .mapping("images")
                .mapping("faults")
                .positive("stepTimeoutMs");
        for (String key : List.of("commissionMs", "deployMs", "releaseMs", "eraseMs")) {
            s.atLeastZero(key);
        }
        return s.problems();
    }

    @Override
    public NodeDriver create(DriverContext ctx, JsonObject settings) {
        JsonObject json = settings == null ? new JsonObject() : settings;
        LabNodeDriver driver = LabNodeDriver.create(ctx.vertx(), LabNodeConfig.fromJson(json));
        JsonObject faults = json.getJsonObject("faults", new JsonObject());
        faults.fieldNames().forEach(node -> driver.faults(node).apply(faults.getJsonObject(node)));
        return driver;
    }
}
