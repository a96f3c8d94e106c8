package io.slipway.drivers.lab.network;

import io.slipway.drivers.spi.DriverContext;
import io.slipway.drivers.spi.DriverSettings;
import io.slipway.drivers.spi.network.NetworkDriver;
import io.slipway.drivers.spi.network.NetworkDriverProvider;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Provides the simulated {@code lab} network driver ({@code drivers.network.lab}): {@code latencyMs}
 * (time a port change takes, default 0) and {@code timeoutMs} (bound for a hung change, default
 * 30000). A simulator: only {@code demo} and {@code --simulate} use it.
 */
public final class LabNetworkDriverProvider implements NetworkDriverProvider {

    @Override
    public String type() {
        return LabNetworkDriver.TYPE;
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public List<String> check(JsonObject settings) {
        return DriverSettings.of(this, settings)
                .atLeastZero("latencyMs")
                .positive("timeoutMs")
                .problems();
    }

    @Override
    public NetworkDriver create(DriverContext ctx, JsonObject settings) {
        JsonObject c = settings == null ? new JsonObject() : settings;
        return LabNetworkDriver.create(ctx.vertx(), c.getLong("latencyMs", 0L), c.getLong("timeoutMs", 30_000L));
    }
}
